import { allGroups } from '../data/repos/groups';
import { openMeasuresOfGroup } from '../data/repos/measures';
import { unitsOfGroup } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { chinaDay } from '../domain/china-day';
import { daysLate, isOverdue, type Measure } from '../domain/rectification';
import { allow, campaignFor, groupFor, officeResource } from './access';

export interface OverdueMeasure {
  unitId: string;
  unitName: string;
  daysLate: number;
  measure: Measure;
}

/** The overdue measures of the given groups' units, the longest overdue first. */
export async function overdueMeasures(deps: Deps, groupIds: string[]): Promise<OverdueMeasure[]> {
  const today = chinaDay(deps.now());
  const perGroup = await Promise.all(
    groupIds.map(async (groupId) => {
      const [open, units] = await Promise.all([
        openMeasuresOfGroup(deps, groupId),
        unitsOfGroup(deps, groupId),
      ]);
      const names = new Map(units.map((u) => [u.id, u.name]));
      return open
        .filter((m) => isOverdue(m, today))
        .map((m) => ({
          unitId: m.unitId,
          unitName: names.get(m.unitId) ?? m.unitId,
          daysLate: daysLate(m, today),
          measure: m,
        }));
    }),
  );
  return perGroup
    .flat()
    .sort((a, b) => b.daysLate - a.daysLate || a.unitName.localeCompare(b.unitName, 'zh'));
}

/** The overdue measures of one supervision group's units (its supervisors and the office). */
export async function overdueOfGroup(deps: Deps, who: Principal, groupId: string) {
  const group = await groupFor(deps, who, 'read', groupId);
  return overdueMeasures(deps, [group.id]);
}

/** The overdue measures zone-wide, across every group of the campaign (the office). */
export async function overdueOfCampaign(deps: Deps, who: Principal, campaignId: string) {
  allow(who, 'read', officeResource);
  const campaign = await campaignFor(deps, who, 'read', campaignId);
  const groups = await allGroups(deps, campaign.id);
  return overdueMeasures(
    deps,
    groups.map((g) => g.id),
  );
}
