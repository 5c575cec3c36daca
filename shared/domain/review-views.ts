import * as z from 'zod';
import { Determination, Satisfaction } from './review';
import { ReconciliationView } from './vote-count';

// 不了解 defaults to 0 so results sealed before it existed still read.
const GradeCounts = z.object({
  excellent: z.number(),
  competent: z.number(),
  basicallyCompetent: z.number(),
  incompetent: z.number(),
  unknown: z.number().default(0),
});
const SatisfactionCounts = z.record(Satisfaction, z.number());

/** A counted session's results: the sealed tally and flags, and the organisation's determinations. */
export const ResultsView = z
  .object({
    reconciliation: ReconciliationView,
    tally: z.object({
      ballots: z.object({ member: z.number(), mass: z.number(), total: z.number() }),
      shownApart: z.object({ member: z.boolean(), mass: z.boolean() }),
      /** Fewer than k ballots in all: no marks shown. */
      withheld: z.boolean(),
      /** No member's marks shown: withheld, or 不了解 from mass representatives too few to show apart. */
      membersWithheld: z.boolean().default(false),
      /** Whether mass representatives could mark a member 不了解. */
      massUnknown: z.boolean().default(false),
      members: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          category: z.string(),
          byGroup: z.object({ member: GradeCounts.nullable(), mass: GradeCounts.nullable() }),
          combined: GradeCounts.nullable(),
          excellentRate: z.number().nullable(),
          qualifiedRate: z.number().nullable(),
          incompetentShare: z.number().nullable(),
          flagIncompetent: z.boolean(),
        }),
      ),
      leadership: z.object({
        byGroup: z.object({ member: SatisfactionCounts.nullable(), mass: SatisfactionCounts.nullable() }),
        combined: SatisfactionCounts.nullable(),
        satisfactionRate: z.number().nullable(),
        remedial: z.boolean(),
      }),
    }),
    /** The confirmation that sealed these figures (计票结束). */
    count: z.object({
      confirmedAt: z.string(),
      confirmedBy: z.string(),
      /** Paper slips the tellers could not agree on, named at confirmation and left out. */
      unresolvedSlips: z.array(z.number()),
      /** SHA-256 of the sealed reconciliation and tally (canonical JSON). */
      sha256: z.string(),
    }),
    determinations: z.array(Determination),
    excellentCap: z.object({ allowed: z.number(), determined: z.number(), exceeded: z.boolean() }),
  })
  .meta({ id: 'ReviewResults' });
export type ResultsView = z.infer<typeof ResultsView>;

/** A member's own appraisal as their personal link shows it (see `usecases/own-feedback.ts`). */
export interface OwnFeedback {
  countedAt: string;
  k: number;
  massUnknown: boolean;
  byGroup: { member: Record<string, number> | null; mass: Record<string, number> | null };
  combined: Record<string, number> | null;
  excellentRate: number | null;
  qualifiedRate: number | null;
  determination: { grade: string; reason: string };
}
