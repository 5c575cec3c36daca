import { allGroups } from '../data/repos/groups';
import { openMeasuresOfCampaign, openMeasuresOfGroup } from '../data/repos/measures';
import { overviewItems } from '../data/repos/overview';
import { allUnits, unitsOfGroup } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { chinaDay } from '../domain/china-day';
import type { Unit } from '../domain/org';
import { type OverviewSort, overviewLine, sortOverview } from '../domain/overview';
import { isOverdue, type Measure } from '../domain/rectification';
import { notFound } from '../errors';
import { allow, campaignResource, groupFor, officeResource } from './access';
import { overdueAmong } from './overdue-measures';

/**
 * Each unit's line in an overview: what the unit keeps (stage, latest counted
 * review, latest evaluation, report state), its live opinion total, its
 * overdue measures among `open` and the review sessions it names as waiting
 * for their count. The opinion totals of every unit come in
 * BatchGetItems of 100 keys, with the campaign when named; nothing is read
 * per unit otherwise.
 */
export async function overviewOf(deps: Deps, units: Unit[], open: Measure[], campaignId?: string) {
  const now = deps.now();
  const today = chinaDay(now);
  const items = await overviewItems(
    deps,
    units.map((u) => u.id),
    campaignId,
    units.flatMap((u) => u.pendingReviews ?? []),
  );
  const overdue = new Map<string, number>();
  for (const m of open) if (isOverdue(m, today)) overdue.set(m.unitId, (overdue.get(m.unitId) ?? 0) + 1);
  const rows = units.map((u) =>
    overviewLine(
      u,
      items.opinions.get(u.id) ?? 0,
      overdue.get(u.id) ?? 0,
      now,
      items.sessions.filter((s) => s.unitId === u.id),
      items.analyses.get(u.id),
    ),
  );
  return { rows, campaign: items.campaign };
}

/**
 * A supervision group's overview, for its supervisors and the office: the
 * group, its units' lines sorted, its overdue measures, and its campaign
 * (read in the same BatchGetItem as the lines). Besides the group: its units
 * and its open measures in one Query each.
 */
export async function groupOverview(deps: Deps, who: Principal, groupId: string, sort: OverviewSort) {
  const group = await groupFor(deps, who, 'read', groupId);
  allow(who, 'read', campaignResource(group.campaignId));
  const [units, open] = await Promise.all([unitsOfGroup(deps, group.id), openMeasuresOfGroup(deps, group)]);
  const { rows, campaign } = await overviewOf(deps, units, open, group.campaignId);
  if (!campaign) throw notFound('活动不存在');
  const overdue = overdueAmong(open, units, chinaDay(deps.now()));
  return { group, campaign, rows: sortOverview(rows, sort), overdue };
}

/**
 * The zone's overview, the office's: the campaign, its groups and units,
 * every unit's line sorted, and the overdue measures of every group. Its
 * groups, its units and its open measures in one Query each, then the lines.
 */
export async function campaignOverview(deps: Deps, who: Principal, campaignId: string, sort: OverviewSort) {
  allow(who, 'read', officeResource);
  allow(who, 'read', campaignResource(campaignId));
  const [groups, units, open] = await Promise.all([
    allGroups(deps, campaignId),
    allUnits(deps, campaignId),
    openMeasuresOfCampaign(deps, campaignId),
  ]);
  const { rows, campaign } = await overviewOf(deps, units, open, campaignId);
  if (!campaign) throw notFound('活动不存在');
  const overdue = overdueAmong(open, units, chinaDay(deps.now()));
  return { campaign, groups, units, rows: sortOverview(rows, sort), overdue };
}
