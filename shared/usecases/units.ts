import { newId } from '../data/ids';
import type { PageRequest } from '../data/query';
import { listUnits, saveUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { unitChanged } from '../domain/changed-meanwhile';
import type { Unit, UnitInput, UnitPatch } from '../domain/org';
import { allow, campaignFor, campaignResource, unitFor } from './access';

/** A new unit of a campaign, in 学习动员 (the one place a unit is made, by hand or by import). */
export function newUnit(campaignId: string, input: UnitInput, now: string): Unit {
  return { ...input, id: newId(), campaignId, stage: 'study', createdAt: now, updatedAt: now };
}

/**
 * The units the caller can see in a campaign, by name: the office all (or one
 * group's), a supervisor their group's, a leader their own unit.
 */
export async function unitsFor(
  deps: Deps,
  who: Principal,
  campaignId: string,
  query: PageRequest & { groupId?: string | undefined },
) {
  const { groupId, ...page } = query;
  allow(who, 'read', campaignResource(campaignId));
  const { scope } = who;
  if (scope.role === 'leader') return { items: [await unitFor(deps, who, 'read', scope.unitId)] };
  const group = scope.role === 'supervisor' ? scope.groupId : groupId;
  const result = await listUnits(deps, { campaignId, ...(group ? { groupId: group } : {}) }, page);
  // A group id from another campaign yields nothing rather than foreign units.
  return { ...result, items: result.items.filter((u) => u.campaignId === campaignId) };
}

/** The office adds a unit; its group must be one of the campaign's and its name free there (audited). */
export async function createUnit(deps: Deps, who: Principal, campaignId: string, input: UnitInput) {
  await campaignFor(deps, who, 'manage', campaignId);
  const unit = newUnit(campaignId, input, deps.now().toISOString());
  await saveUnit(deps, who.username, unit, 'unit.create');
  return unit;
}

/** One unit, for those whose scope holds it. */
export const readUnit = (deps: Deps, who: Principal, id: string) => unitFor(deps, who, 'read', id);

/**
 * The office changes a unit's facts (audited). Made from an older read
 * (`patch.updatedAt` not the unit's) it is refused with 409
 * `CHANGED_MEANWHILE`, saying what the unit is now, and changes nothing; the
 * write is conditional on the unit as read, so a stage request or an
 * evaluation recorded meanwhile is never written away.
 */
export async function changeUnit(deps: Deps, who: Principal, id: string, patch: UnitPatch): Promise<Unit> {
  const unit = await unitFor(deps, who, 'manage', id);
  const { updatedAt: readAt, ...facts } = patch;
  if (readAt !== undefined && readAt !== unit.updatedAt) throw unitChanged(unit);
  const updated = { ...unit, ...facts, updatedAt: deps.now().toISOString() };
  await saveUnit(deps, who.username, updated, 'unit.update', unit);
  return updated;
}
