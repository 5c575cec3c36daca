import { allGroups } from '../data/repos/groups';
import { openMeasuresOfGroup } from '../data/repos/measures';
import { overviewItems, sealedResultsOf } from '../data/repos/overview';
import { allSessions } from '../data/repos/sessions';
import { allUnits, unitsOfGroup } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { chinaDay } from '../domain/china-day';
import type { Unit } from '../domain/org';
import { type OverviewSort, sortOverview, type UnitOverview } from '../domain/overview';
import { daysLate, isOverdue, type Measure } from '../domain/rectification';
import type { ReviewSession } from '../domain/review';
import { ResultsView } from '../domain/review-views';
import { notFound } from '../errors';
import { allow, campaignResource, groupFor, officeResource } from './access';
import type { OverdueMeasure } from './overdue-measures';

const Tally = ResultsView.shape.tally;

/** The most recently counted of a unit's sessions, if any. */
const latestCounted = (sessions: ReviewSession[]) =>
  sessions.filter((s) => s.countedAt).sort((a, b) => ((a.countedAt ?? '') < (b.countedAt ?? '') ? 1 : -1))[0];

/**
 * The latest counted review session of each unit and its tally: one Query per
 * unit past 学习动员 (sessions open in 分析评议, and stages only move on), then
 * the sealed results in one BatchGetItem.
 */
async function latestReviews(deps: Deps, units: Unit[]) {
  const latest = await Promise.all(
    units
      .filter((u) => u.stage !== 'study')
      .map(async (u) => ({ unitId: u.id, session: latestCounted(await allSessions(deps, u.id)) })),
  );
  const counted = latest.flatMap((l) => (l.session ? [{ unitId: l.unitId, session: l.session }] : []));
  const sealed = await sealedResultsOf(
    deps,
    counted.map((c) => c.session.id),
  );
  return new Map(
    counted.map(({ unitId, session }) => {
      const tally = Tally.safeParse(sealed.get(session.id)?.tally);
      return [unitId, { session, tally: tally.success ? tally.data : undefined }] as const;
    }),
  );
}

/** The open measures of the given supervision groups (each lists its units' measures not done). */
const openMeasuresOf = async (deps: Deps, groupIds: string[]): Promise<Measure[]> =>
  (await Promise.all(groupIds.map((id) => openMeasuresOfGroup(deps, id)))).flat();

/**
 * Each unit's line in an overview: stage, opinions received (the live count),
 * the latest counted review session's turnout, 满意率 and flags, the
 * report's state and wait, and in rectification the latest evaluation's
 * 满意率, its 补课 flag and the overdue measures (among `open`, the open
 * measures of the units' groups). Counts and reports of every unit come in
 * BatchGetItems (with the campaign, when named); sessions in one Query per
 * unit that can have any; none per opinion.
 */
export async function overviewOf(
  deps: Deps,
  units: Unit[],
  measures: Measure[] | Promise<Measure[]>,
  campaignId?: string,
) {
  const now = deps.now().getTime();
  const today = chinaDay(deps.now());
  const [items, reviews, open] = await Promise.all([
    overviewItems(
      deps,
      units.map((u) => u.id),
      campaignId,
    ),
    latestReviews(deps, units),
    measures,
  ]);
  const overdue = new Map<string, number>();
  for (const m of open) if (isOverdue(m, today)) overdue.set(m.unitId, (overdue.get(m.unitId) ?? 0) + 1);
  const rows = units.map((u): UnitOverview => {
    const report = items.reports.get(u.id);
    const review = reviews.get(u.id);
    const t = review?.tally;
    const due = review ? review.session.due.member + review.session.due.mass : 0;
    return {
      unitId: u.id,
      name: u.name,
      type: u.type,
      groupId: u.groupId,
      stage: u.stage,
      stageRequested: Boolean(u.stageRequest),
      opinions: items.opinions.get(u.id) ?? 0,
      turnout: t && due > 0 ? t.ballots.total / due : null,
      satisfactionRate: t?.leadership.satisfactionRate ?? null,
      remedial: t?.leadership.remedial ?? false,
      incompetentFlags: t ? t.members.filter((m) => m.flagIncompetent).length : 0,
      rectificationRate: u.lastEvaluation?.rate ?? null,
      rectificationRemedial: u.lastEvaluation?.remedial ?? false,
      overdueMeasures: u.stage === 'rectification' || u.stage === 'concluded' ? (overdue.get(u.id) ?? 0) : 0,
      reportState: report?.state ?? null,
      waitingDays:
        report?.state === 'submitted' && report.submittedAt
          ? Math.floor((now - Date.parse(report.submittedAt)) / 86_400_000)
          : null,
    };
  });
  return { rows, campaign: items.campaign };
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

/**
 * A supervision group's overview, for its supervisors and the office: the
 * group, its units' lines sorted, its overdue measures, and its campaign
 * (read in the same BatchGetItem as the lines).
 */
export async function groupOverview(deps: Deps, who: Principal, groupId: string, sort: OverviewSort) {
  const group = await groupFor(deps, who, 'read', groupId);
  allow(who, 'read', campaignResource(group.campaignId));
  const [units, open] = await Promise.all([
    unitsOfGroup(deps, group.id),
    openMeasuresOfGroup(deps, group.id),
  ]);
  const { rows, campaign } = await overviewOf(deps, units, open, group.campaignId);
  if (!campaign) throw notFound('活动不存在');
  const overdue = overdueAmong(open, units, chinaDay(deps.now()));
  return { group, campaign, rows: sortOverview(rows, sort), overdue };
}

/**
 * The zone's overview, the office's: the campaign, its groups and units,
 * every unit's line sorted, and the overdue measures of every group.
 */
export async function campaignOverview(deps: Deps, who: Principal, campaignId: string, sort: OverviewSort) {
  allow(who, 'read', officeResource);
  allow(who, 'read', campaignResource(campaignId));
  const [groups, units] = await Promise.all([allGroups(deps, campaignId), allUnits(deps, campaignId)]);
  const open = openMeasuresOf(
    deps,
    groups.map((g) => g.id),
  );
  const { rows, campaign } = await overviewOf(deps, units, open, campaignId);
  if (!campaign) throw notFound('活动不存在');
  const overdue = overdueAmong(await open, units, chinaDay(deps.now()));
  return { campaign, groups, units, rows: sortOverview(rows, sort), overdue };
}
