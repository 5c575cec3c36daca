import * as z from 'zod';
import { type Grade, gradeLabels, grades, Satisfaction } from './review';
import type { ResultsView } from './review-views';
import { belowK } from './suppress';

/**
 * What a disclosure says of a counted review session. Members' grades stay
 * inside the organisation (reported upward and fed back to each member in a
 * talk): the public sees the leading team's satisfaction, how many members
 * the organisation determined at each grade (counts only, and none of them
 * if any is a group below k), the receipts of counted ballots and, only if
 * the approver opted in, the names of members determined 优秀.
 */
export const PublishedReview = z.object({
  sessionId: z.string(),
  countedAt: z.string(),
  ballots: z.object({ member: z.number(), mass: z.number(), total: z.number() }),
  /** Fewer than k ballots in all: no figure but their number. */
  withheld: z.boolean(),
  leadership: z.object({
    combined: z.record(Satisfaction, z.number()).nullable(),
    satisfactionRate: z.number().nullable(),
    remedial: z.boolean(),
  }),
  /** Members determined at each grade; null when some grade would show a group below k. */
  determined: z.record(z.enum(grades), z.number()).nullable(),
  receipts: z.array(z.string()),
});
export type PublishedReview = z.infer<typeof PublishedReview>;

/**
 * The determinations as counts per grade, all or nothing: a grade held by 1
 * to k−1 members is a group below k, and showing the other grades beside a
 * known roster would give it away by subtraction.
 */
export function determinedCounts(determinations: { grade: Grade }[], k: number) {
  const counts = Object.fromEntries(grades.map((g) => [g, 0])) as Record<Grade, number>;
  for (const d of determinations) counts[d.grade] += 1;
  if (determinations.length === 0 || grades.some((g) => belowK(counts[g], k))) return null;
  return counts;
}

/** A counted session as published, from its sealed tally and the organisation's determinations. */
export function publishedReview(
  session: { id: string; countedAt: string },
  tally: ResultsView['tally'],
  determinations: { grade: Grade }[],
  receipts: string[],
  k: number,
): PublishedReview {
  const l = tally.leadership;
  return {
    sessionId: session.id,
    countedAt: session.countedAt,
    ballots: tally.ballots,
    withheld: tally.withheld,
    leadership: { combined: l.combined, satisfactionRate: l.satisfactionRate, remedial: l.remedial },
    determined: determinedCounts(determinations, k),
    receipts,
  };
}

/** How the determined counts read on a page. */
export const determinedText = (d: Record<Grade, number>) =>
  grades.map((g) => `${gradeLabels[g]} ${d[g]}人`).join('，');
