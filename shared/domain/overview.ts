import * as z from 'zod';
import { type AnalysisTally, analysisTallyOf } from './analysis-tally';
import type { ReportStatus, ReviewSummary, Unit } from './org';
import { type Report, reportStates } from './report';
import { type ReviewSession, sessionPhase } from './review';

/** One unit's line in a supervision group's or the office's overview. */
export const UnitOverview = z
  .object({
    unitId: z.string(),
    name: z.string(),
    type: z.string(),
    groupId: z.string(),
    stage: z.string(),
    stageRequested: z.boolean(),
    opinions: z.number(),
    /** Ballots returned ÷ voters due in the latest counted review session. */
    turnout: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
    /** 满意率 below the campaign's threshold: the leading team must 补课. */
    remedial: z.boolean(),
    /** Members flagged 不合格票较多 in the latest counted session. */
    incompetentFlags: z.number(),
    /** 满意率 of the latest counted satisfaction evaluation of rectification. */
    rectificationRate: z.number().nullable(),
    /** That evaluation left the unit to 补课 (below the threshold, all 不了解, or too few answered). */
    rectificationRemedial: z.boolean(),
    /** Measures past their deadline and not done. */
    overdueMeasures: z.number(),
    reportState: z.enum(reportStates).nullable(),
    /** Days a submitted report has waited for the supervision group. */
    waitingDays: z.number().nullable(),
    /** The satisfaction evaluation opened and not yet counted. */
    pendingEvaluation: z.string().nullable(),
    /** 党性分析: members due, materials submitted (waiting or approved), approved, waiting for 组织把关. */
    analyses: z.object({
      due: z.number(),
      submitted: z.number(),
      approved: z.number(),
      waiting: z.number(),
      teamWaiting: z.boolean(),
    }),
    /** Review sessions not yet counted: closed or still casting, paper slips out, their tellers. */
    reviewsToCount: z.array(
      z.object({
        id: z.string(),
        closed: z.boolean(),
        paperIssued: z.number(),
        tellers: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'UnitOverview' });
export type UnitOverview = z.infer<typeof UnitOverview>;

/** What a review's summary reads of its sealed tally. */
interface TallyFigures {
  ballots: { total: number };
  members: { flagIncompetent: boolean }[];
  leadership: { satisfactionRate: number | null; remedial: boolean };
}

/** The figures of a counted review session that its unit's overview line shows. */
export function reviewSummary(
  session: { id: string; due: { member: number; mass: number } },
  tally: TallyFigures,
  countedAt: string,
): ReviewSummary {
  const due = session.due.member + session.due.mass;
  return {
    sessionId: session.id,
    countedAt,
    turnout: due > 0 ? tally.ballots.total / due : null,
    satisfactionRate: tally.leadership.satisfactionRate,
    remedial: tally.leadership.remedial,
    incompetentFlags: tally.members.filter((m) => m.flagIncompetent).length,
  };
}

/** Where a report stands, as its unit keeps it for the overviews. */
export const reportStatusOf = (
  report: Pick<Report, 'state' | 'submittedAt' | 'returnComment'>,
): ReportStatus => ({
  state: report.state,
  ...(report.submittedAt ? { submittedAt: report.submittedAt } : {}),
  // Sent back: the leader's page says so, with the comment, until it goes up again.
  ...(report.state === 'draft' && report.returnComment ? { returnComment: report.returnComment } : {}),
});

/**
 * A unit's overview line from the unit (its stage, latest review, latest
 * evaluation and report as it keeps them), its live opinion total, its
 * overdue measures (counted only from 整改提高 on) and its review sessions
 * waiting for their count.
 */
export function overviewLine(
  u: Unit,
  opinions: number,
  overdueMeasures: number,
  now: Date,
  pendingSessions: ReviewSession[] = [],
  analyses: AnalysisTally = analysisTallyOf(undefined),
): UnitOverview {
  const review = u.lastReview;
  const report = u.reportStatus;
  return {
    unitId: u.id,
    name: u.name,
    type: u.type,
    groupId: u.groupId,
    stage: u.stage,
    stageRequested: Boolean(u.stageRequest),
    opinions,
    turnout: review?.turnout ?? null,
    satisfactionRate: review?.satisfactionRate ?? null,
    remedial: review?.remedial ?? false,
    incompetentFlags: review?.incompetentFlags ?? 0,
    rectificationRate: u.lastEvaluation?.rate ?? null,
    rectificationRemedial: u.lastEvaluation?.remedial ?? false,
    overdueMeasures: u.stage === 'rectification' || u.stage === 'concluded' ? overdueMeasures : 0,
    reportState: report?.state ?? null,
    waitingDays:
      report?.state === 'submitted' && report.submittedAt
        ? Math.floor((now.getTime() - Date.parse(report.submittedAt)) / 86_400_000)
        : null,
    pendingEvaluation: u.pendingEvaluation ?? null,
    analyses,
    reviewsToCount: pendingSessions
      .filter((s) => !s.countedAt)
      .map((s) => ({
        id: s.id,
        closed: sessionPhase(s, now) === 'closed',
        paperIssued: s.paperIssued.member + s.paperIssued.mass,
        tellers: [s.teller1, s.teller2].filter((t): t is string => Boolean(t)),
      })),
  };
}

export const overviewSorts = ['name', 'opinions', 'turnout', 'satisfaction', 'waiting'] as const;
export type OverviewSort = (typeof overviewSorts)[number];

/** Sorts an overview; units without a figure go last whatever the order. */
export function sortOverview(rows: UnitOverview[], by: OverviewSort): UnitOverview[] {
  const key = (r: UnitOverview): number | string | null =>
    by === 'name'
      ? r.name
      : by === 'opinions'
        ? r.opinions
        : by === 'turnout'
          ? r.turnout
          : by === 'satisfaction'
            ? r.satisfactionRate
            : r.waitingDays;
  return [...rows].sort((a, b) => {
    // By name, units waiting for a stage decision come first, as the group's to-do list.
    if (by === 'name' && a.stageRequested !== b.stageRequested) return a.stageRequested ? -1 : 1;
    const [x, y] = [key(a), key(b)];
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, 'zh');
    // Most opinions, lowest turnout and satisfaction, longest waits first: what needs attention.
    return by === 'opinions' || by === 'waiting' ? Number(y) - Number(x) : Number(x) - Number(y);
  });
}
