import { z } from '@hono/zod-openapi';
import { Determination, Grade, Satisfaction } from './review';
import { ReconciliationView } from './vote-count';

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
    determinations: z.array(Determination),
    excellentCap: z.object({ allowed: z.number(), determined: z.number(), exceeded: z.boolean() }),
  })
  .openapi('ReviewResults');
export type ResultsView = z.infer<typeof ResultsView>;
