import { getCampaign } from '../data/repos/campaigns';
import { getEvaluation } from '../data/repos/evaluations';
import { getGroup } from '../data/repos/groups';
import { getRound } from '../data/repos/rounds';
import { getSession } from '../data/repos/sessions';
import { getUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { Campaign } from '../domain/campaign';
import type { Group, Unit } from '../domain/org';
import { type Action, decide, type Resource } from '../domain/policy';
import { forbidden, notFound } from '../errors';

/**
 * Load-and-authorize, the first step of every use case: the signed-in caller
 * (`who`), the action, and the thing it names. Missing and outside the
 * caller's scope both answer 404, so nobody learns what exists elsewhere;
 * inside the scope but not the caller's to do answers 403.
 */

/** Where a thing of one unit (a round, a session, an evaluation) sits in the campaign's tree. */
export const unitResource = (x: { campaignId: string; groupId: string; unitId: string }): Resource => ({
  kind: 'unit',
  campaignId: x.campaignId,
  groupId: x.groupId,
  unitId: x.unitId,
});
export const officeResource: Resource = { kind: 'office' };
export const campaignResource = (campaignId: string): Resource => ({ kind: 'campaign', campaignId });
export const groupResource = (g: { campaignId: string; id: string }): Resource => ({
  kind: 'group',
  campaignId: g.campaignId,
  groupId: g.id,
});
const ofUnit = (u: Unit) => unitResource({ ...u, unitId: u.id });

/** Throws unless the policy lets `who` do `action` to `resource`. */
export function allow(who: Principal, action: Action, resource: Resource): void {
  const decision = decide(who.scope, action, resource);
  if (decision === 'hidden') throw notFound();
  if (decision === 'forbidden') throw forbidden();
}

/** Whether the policy lets `who` do `action` to `resource` (for showing or hiding a page's parts). */
export const allows = (who: Principal, action: Action, resource: Resource) =>
  decide(who.scope, action, resource) === 'allow';

function found<T>(who: Principal, action: Action, thing: T | undefined, where: (t: T) => Resource): T {
  if (!thing) throw notFound();
  allow(who, action, where(thing));
  return thing;
}

/** The campaign, authorized by its id alone (nobody learns whether another campaign exists). */
export async function campaignFor(deps: Deps, who: Principal, action: Action, id: string): Promise<Campaign> {
  allow(who, action, campaignResource(id));
  const campaign = await getCampaign(deps, id);
  if (!campaign) throw notFound('活动不存在');
  return campaign;
}

export async function groupFor(deps: Deps, who: Principal, action: Action, id: string): Promise<Group> {
  return found(who, action, await getGroup(deps, id), groupResource);
}

export async function unitFor(deps: Deps, who: Principal, action: Action, id: string): Promise<Unit> {
  return found(who, action, await getUnit(deps, id), ofUnit);
}

/** A unit read elsewhere (with other items in one request), authorized here. */
export const unitReadFor = (who: Principal, action: Action, read: Unit | undefined): Unit =>
  found(who, action, read, ofUnit);

export async function roundFor(deps: Deps, who: Principal, action: Action, id: string) {
  return found(who, action, await getRound(deps, id), unitResource);
}

export async function sessionFor(deps: Deps, who: Principal, action: Action, id: string) {
  return found(who, action, await getSession(deps, id), unitResource);
}

export async function evaluationFor(deps: Deps, who: Principal, action: Action, id: string) {
  return found(who, action, await getEvaluation(deps, id), unitResource);
}

/** The campaign of a unit the caller may read: the one already read if it is that one. */
export async function campaignOfUnit(deps: Deps, who: Principal, unit: Unit, read?: Campaign) {
  if (read?.id === unit.campaignId) {
    allow(who, 'read', campaignResource(read.id));
    return read;
  }
  return campaignFor(deps, who, 'read', unit.campaignId);
}
