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
