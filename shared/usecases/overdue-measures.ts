import { openMeasuresOfCampaign, openMeasuresOfGroup } from '../data/repos/measures';
import { allUnits, unitsOfGroup } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { chinaDay } from '../domain/china-day';
import type { Unit } from '../domain/org';
import { daysLate, isOverdue, type Measure } from '../domain/rectification';
import { allow, campaignFor, groupFor, officeResource } from './access';

export interface OverdueMeasure {
  unitId: string;
  unitName: string;
  daysLate: number;
  measure: Measure;
}

/** The overdue ones among open measures, with their units' names, the longest overdue first. */
export function overdueAmong(open: Measure[], units: Unit[], today: string): OverdueMeasure[] {
  const names = new Map(units.map((u) => [u.id, u.name]));
  return open
    .filter((m) => isOverdue(m, today))
    .map((m) => ({
      unitId: m.unitId,
      unitName: names.get(m.unitId) ?? m.unitId,
      daysLate: daysLate(m, today),
      measure: m,
    }))
    .sort((a, b) => b.daysLate - a.daysLate || a.unitName.localeCompare(b.unitName, 'zh'));
}

/** The overdue measures of one supervision group's units (its supervisors and the office). */
export async function overdueOfGroup(deps: Deps, who: Principal, groupId: string) {
  const group = await groupFor(deps, who, 'read', groupId);
  const [open, units] = await Promise.all([openMeasuresOfGroup(deps, group), unitsOfGroup(deps, group.id)]);
  return overdueAmong(open, units, chinaDay(deps.now()));
}

/**
 * The overdue measures zone-wide, across every group of the campaign (the
 * office): the campaign's open measures in one Query, its units in another.
 */
export async function overdueOfCampaign(deps: Deps, who: Principal, campaignId: string) {
  allow(who, 'read', officeResource);
  const [, open, units] = await Promise.all([
    campaignFor(deps, who, 'read', campaignId),
    openMeasuresOfCampaign(deps, campaignId),
    allUnits(deps, campaignId),
  ]);
  return overdueAmong(open, units, chinaDay(deps.now()));
}
