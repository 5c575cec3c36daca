import * as z from 'zod';

const Cell = z.object({ key: z.string(), count: z.number().nullable() });

/** A unit's opinions counted by respondent, subject, focus area and problem; cells below k are null. */
export const OpinionSummary = z
  .object({
    k: z.number(),
    total: z.number().nullable(),
    respondent: z.array(Cell),
    about: z.array(Cell),
    focus: z.array(Cell),
    problems: z.array(Cell),
    /** Opinions received per day (China time), oldest first; for the leader's own dashboard. */
    days: z.array(z.object({ day: z.string(), count: z.number() })),
  })
  .meta({ id: 'OpinionSummary' });
export type OpinionSummary = z.infer<typeof OpinionSummary>;

type SummaryCell = z.infer<typeof Cell>;

/** Most named first, then those too few to show (null), then nobody: what people said before what they did not. */
export function orderCells<C extends SummaryCell>(cells: C[]): C[] {
  const rank = (c: C) => (c.count === null ? 0.5 : c.count === 0 ? 0 : c.count + 1);
  return [...cells].sort((a, b) => rank(b) - rank(a));
}
