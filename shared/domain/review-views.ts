import { z } from '@hono/zod-openapi';
import { Grade, Satisfaction } from './review';

const GroupReconciliation = z.object({
  codes: z.object({ issued: z.number(), used: z.number(), unused: z.number(), revoked: z.number() }),
  paperIssued: z.number(),
  ballots: z.object({ online: z.number(), paper: z.number(), total: z.number() }),
  due: z.number(),
  turnout: z.number().nullable(),
  overReturned: z.boolean(),
});

/** The meeting's reconciliation (计票), as the API answers it and the console reads it. */
export const ReconciliationView = z
  .object({
    groups: z.object({ member: GroupReconciliation, mass: GroupReconciliation }),
    paperMismatches: z.array(
      z.object({ slipNo: z.number(), problem: z.enum(['onlyOneTeller', 'different']) }),
    ),
    quorumMet: z.boolean(),
    void: z.boolean(),
  })
  .openapi('Reconciliation');
export type ReconciliationView = z.infer<typeof ReconciliationView>;

const GradeCounts = z.record(Grade, z.number());
const SatisfactionCounts = z.record(Satisfaction, z.number());

/** A closed session's results: the tally, the flags and the organisation's determinations. */
export const ResultsView = z
  .object({
    reconciliation: ReconciliationView,
    tally: z.object({
      ballots: z.object({ member: z.number(), mass: z.number(), total: z.number() }),
      shownApart: z.object({ member: z.boolean(), mass: z.boolean() }),
      members: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          category: z.string(),
          byGroup: z.object({ member: GradeCounts.nullable(), mass: GradeCounts.nullable() }),
          combined: GradeCounts,
          excellentRate: z.number().nullable(),
          qualifiedRate: z.number().nullable(),
          incompetentShare: z.number().nullable(),
          flagIncompetent: z.boolean(),
        }),
      ),
      leadership: z.object({
        byGroup: z.object({ member: SatisfactionCounts.nullable(), mass: SatisfactionCounts.nullable() }),
        combined: SatisfactionCounts,
        satisfactionRate: z.number().nullable(),
        remedial: z.boolean(),
      }),
    }),
    determinations: z.array(
      z.object({
        memberId: z.string(),
        grade: Grade,
        reason: z.string(),
        decidedBy: z.string(),
        decidedAt: z.string(),
      }),
    ),
    excellentCap: z.object({ allowed: z.number(), determined: z.number(), exceeded: z.boolean() }),
  })
  .openapi('ReviewResults');
export type ResultsView = z.infer<typeof ResultsView>;
