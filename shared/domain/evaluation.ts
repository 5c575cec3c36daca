import * as z from 'zod';
import { Promised } from './campaign';
import { countingFields } from './counting';
import { Satisfaction, satisfactions } from './review';
import { cachedBy } from './schema-cache';
import { storedWindow, type VotePhase, votePhase, windowInput } from './time-window';
import { ByGroupCount, PaperSlip, VoteBallot, VoterGroup } from './vote';

/**
 * The masses' satisfaction evaluation of a unit's rectification (群众满意度测评):
 * near the end of 整改提高 the unit asks, overall and for each measure,
 * 满意 / 基本满意 / 不满意 / 不了解. It is a vote of the vote module: cast with
 * single-use codes (online, or on paper slips entered by two tellers), which
 * decides the unit's 补课; or as a poll by anyone holding its public link (one stored ballot
 * per page, never a shared item in the request).
 */
export const evaluationModes = ['codes', 'link'] as const;
export type EvaluationMode = (typeof evaluationModes)[number];
export const evaluationModeLabels: Record<EvaluationMode, string> = {
  codes: '凭选票码（每码一次）',
  link: '公开链接意见征询（仅供参考，不作为是否补课的依据）',
};

/** A measure as it is put to the masses: fixed when the evaluation opens. */
export const EvaluationItem = z.object({
  measureId: z.string(),
  problem: z.string(),
  action: z.string(),
  /** The post responsible, so two measures worded alike are told apart (absent on evaluations opened before it was kept). */
  post: z.string().optional(),
  deadline: z.string().optional(),
});
export type EvaluationItem = z.infer<typeof EvaluationItem>;

export const EvaluationInput = z
  .strictObject({
    mode: z.enum(evaluationModes),
    ...windowInput,
  })
  .meta({ id: 'EvaluationInput' });
export type EvaluationInput = z.infer<typeof EvaluationInput>;

const Counts = z.object({
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  dissatisfied: z.number(),
  unknown: z.number(),
});

/** One question's result: the answers and 满意率 (null when withheld or nobody could judge). */
const ItemResult = z.object({ counts: Counts.nullable(), rate: z.number().nullable() });

/** Why a unit must 补课: too few answered to count, nobody could judge, or 满意率 below the threshold. */
export const remedialReasons = ['tooFew', 'noRate', 'below'] as const;
export const remedialReasonLabels: Record<(typeof remedialReasons)[number], string> = {
  tooFew: '参加测评的人数少于公布下限，测评无效',
  noRate: '参加测评的群众都表示不了解整改情况',
  below: '总体满意率低于规定标准',
};

export const EvaluationResults = z
  .object({
    ballots: z.number(),
    /** A poll by open link (意见征询，仅供参考): its figures decide no 补课 and clear none. */
    poll: z.boolean().default(false),
    /** Paper slips the tellers did not resolve, left out of the count. */
    unresolvedSlips: z.array(z.number()).default([]),
    /** Fewer than k ballots: no answers are shown, only how many. */
    withheld: z.boolean(),
    threshold: z.number(),
    overall: ItemResult,
    measures: z.array(EvaluationItem.extend({ ...ItemResult.shape, shortfall: z.boolean() })),
    remedial: z.object({
      flagged: z.boolean(),
      reason: z.enum(remedialReasons).nullable(),
      /** The measures whose own 满意率 fell short (or that nobody could judge). */
      shortMeasures: z.array(z.string()),
    }),
  })
  .meta({ id: 'EvaluationResults' });
export type EvaluationResults = z.infer<typeof EvaluationResults>;

export const Evaluation = z
  .object({
    id: z.string(),
    unitId: z.string(),
    campaignId: z.string(),
    groupId: z.string(),
    unitName: z.string(),
    mode: z.enum(evaluationModes),
    items: z.array(EvaluationItem),
    /** Voters due; the vote module's reconciliation compares ballots with them. */
    due: ByGroupCount,
    /** Paper slips handed out (an evaluation by codes may also be answered on paper at a meeting). */
    paperIssued: ByGroupCount,
    ...storedWindow,
    createdAt: z.string(),
    createdBy: z.string(),
    /** What its pages promise (k, the 补课 threshold), as the campaign's settings were at opening. */
    promised: Promised.optional(),
    ...countingFields,
    results: EvaluationResults.optional(),
  })
  .meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof Evaluation>;

/** An evaluation as the API answers it: with its phase and, for a link evaluation, its public link. */
export const EvaluationView = Evaluation.extend({
  state: z.enum(['notYetOpen', 'open', 'closed', 'counted']),
  link: z.url().optional(),
}).meta({ id: 'EvaluationView' });
export type EvaluationView = z.infer<typeof EvaluationView>;

export type EvaluationPhase = VotePhase;
export const evaluationPhase: (e: Evaluation, now: Date) => EvaluationPhase = votePhase;
export const evaluationPhaseLabels: Record<EvaluationPhase, string> = {
  notYetOpen: '尚未开始',
  open: '正在测评',
  closed: '已结束，待督导组计票',
  counted: '已计票',
};

/** The answers on one evaluation ballot: overall, and one for every measure put to the masses. */
export function evaluationMarks(e: Pick<Evaluation, 'items'>) {
  const ids = e.items.map((i) => i.measureId);
  return z.strictObject({
    overall: z.enum(satisfactions, { error: '请对本单位整改工作作出总体评价' }),
    measures: z
      .record(z.string(), z.enum(satisfactions, { error: '请从给出的评价中选择一项' }))
      .superRefine((m, ctx) => {
        for (const id of Object.keys(m)) {
          if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: [id], message: '不在本次测评之列' });
        }
        e.items.forEach((item, n) => {
          if (!(item.measureId in m))
            ctx.addIssue({ code: 'custom', path: [item.measureId], message: `请评价第${n + 1}项整改措施` });
        });
      }),
  });
}
export type EvaluationMarks = z.infer<ReturnType<typeof evaluationMarks>>;

/** A stored evaluation ballot: the vote's fields and the answers; nothing about who or when. */
export const EvaluationBallot = VoteBallot.extend({
  overall: Satisfaction,
  measures: z.record(z.string(), Satisfaction),
});
export type EvaluationBallot = z.infer<typeof EvaluationBallot>;

/** One teller's entry of a paper evaluation slip: the answers, as on an online ballot. */
export const EvaluationPaperEntry = PaperSlip.extend({
  overall: Satisfaction,
  measures: z.record(z.string(), Satisfaction),
}).meta({ id: 'EvaluationPaperEntry' });
export type EvaluationPaperEntry = z.infer<typeof EvaluationPaperEntry>;

/** A paper evaluation slip as a teller types it: the voter group and the answers. */
export const evaluationPaperInput = cachedBy(
  (e: Evaluation) => e.id,
  (e: Evaluation) => evaluationMarks(e).extend({ voterGroup: VoterGroup }),
);

/** What the masses see of a counted evaluation (disclosure page, receipt look-up): rates, never the counts below k. */
export function publicEvaluation(e: Evaluation | undefined) {
  if (!e?.results || !e.countedAt) return undefined;
  const r = e.results;
  return {
    countedAt: e.countedAt,
    ballots: r.ballots,
    withheld: r.withheld,
    threshold: r.threshold,
    overallRate: r.overall.rate,
    remedial: r.remedial.flagged,
    reason: r.remedial.reason,
    measureRates: Object.fromEntries(r.measures.map((m) => [m.measureId, m.rate])) as Record<
      string,
      number | null
    >,
  };
}
export type PublicEvaluation = NonNullable<ReturnType<typeof publicEvaluation>>;
