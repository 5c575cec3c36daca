import type { Satisfaction } from './review';

/** The answers to one satisfaction question (满意 / 基本满意 / 不满意 / 不了解). */
export type SatisfactionCounts = Record<Satisfaction, number>;

/** No answers yet. */
export const zeroSatisfaction = (): SatisfactionCounts => ({
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  unknown: 0,
});

/** How many could judge: every answer but 不了解. */
const judged = (c: SatisfactionCounts) => c.satisfied + c.basicallySatisfied + c.dissatisfied;

/** 满意率 = (满意 + 基本满意) / (all answers − 不了解); null when nobody could answer. */
export function satisfactionRate(c: SatisfactionCounts): number | null {
  const n = judged(c);
  return n > 0 ? (c.satisfied + c.basicallySatisfied) / n : null;
}

/**
 * The satisfaction rule, the one place it is decided: whether 满意率 reaches
 * the threshold (a percentage, read to a tenth: 60, 66.7). Compared in
 * integers, (满意 + 基本满意) × 1000 ≥ threshold in tenths × (answers − 不了解),
 * so no rounding of a rate can tip it; 2/3 is below 66.7. Null when nobody
 * could judge (all 不了解, or no answers): there is no rate to compare.
 */
export function meetsSatisfaction(c: SatisfactionCounts, thresholdPercent: number): boolean | null {
  const n = judged(c);
  if (n === 0) return null;
  return (c.satisfied + c.basicallySatisfied) * 1000 >= Math.round(thresholdPercent * 10) * n;
}
