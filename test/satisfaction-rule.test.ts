import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyEvaluation } from '../shared/domain/evaluation-tally';
import type { ReviewSession, Satisfaction } from '../shared/domain/review';
import { meetsSatisfaction, type SatisfactionCounts } from '../shared/domain/satisfaction';
import { tally } from '../shared/domain/tally';

const session: ReviewSession = {
  id: 's',
  unitId: 'u',
  campaignId: 'c',
  groupId: 'g',
  unitName: '单位',
  members: [],
  due: { member: 10, mass: 10 },
  paperIssued: { member: 0, mass: 0 },
  paperEntries: 0,
  comments: true,
  massUnknown: false,
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2026-01-02T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'x',
};
const items = [{ measureId: 'm1', problem: '纪律松弛', action: '建立考勤制度' }];

const answers = (c: Partial<SatisfactionCounts>): Satisfaction[] =>
  (Object.entries(c) as [Satisfaction, number][]).flatMap(([a, n]) => Array<Satisfaction>(n).fill(a));

/** The review's 补课 flag for the leading team, from ballots with these satisfaction answers. */
function reviewFlag(c: Partial<SatisfactionCounts>, threshold: number): boolean {
  const ballots = answers(c).map((satisfaction, i) => ({
    voterGroup: i % 2 ? ('mass' as const) : ('member' as const),
    grades: {},
    satisfaction,
  }));
  return tally(session, ballots, {
    anonymityK: 1,
    satisfactionThreshold: threshold,
    incompetentShareThreshold: 1,
  }).leadership.remedial;
}

/** The evaluation's 补课 flag and the one measure's shortfall, from ballots with these answers. */
function evaluationFlag(c: Partial<SatisfactionCounts>, threshold: number) {
  const ballots = answers(c).map((a) => ({ overall: a, measures: { m1: a } }));
  const r = tallyEvaluation({ items, mode: 'codes' }, ballots, {
    anonymityK: 1,
    satisfactionThreshold: threshold,
  });
  return {
    below: r.remedial.reason === 'below',
    shortfall: r.measures[0]?.shortfall,
    flagged: r.remedial.flagged,
  };
}

/** [threshold, description, counts, whether it falls below (补课)]. */
const cases: [number, string, Partial<SatisfactionCounts>, boolean][] = [
  [58, 'exactly at 58% (580 of 1000)', { satisfied: 300, basicallySatisfied: 280, dissatisfied: 420 }, false],
  [58, 'just above 58% (581 of 1000)', { satisfied: 581, dissatisfied: 419 }, false],
  [58, 'just below 58% (579 of 1000)', { basicallySatisfied: 579, dissatisfied: 421 }, true],
  [
    58,
    'exactly at 58% (29 of 50, with 不了解 left out)',
    { satisfied: 29, dissatisfied: 21, unknown: 7 },
    false,
  ],
  [60, 'exactly at 60% (3 of 5)', { satisfied: 2, basicallySatisfied: 1, dissatisfied: 2 }, false],
  [60, 'just above 60% (601 of 1000)', { satisfied: 601, dissatisfied: 399 }, false],
  [60, 'just below 60% (599 of 1000)', { satisfied: 599, dissatisfied: 401, unknown: 3 }, true],
  [66.7, 'exactly at 66.7% (667 of 1000)', { satisfied: 667, dissatisfied: 333 }, false],
  [
    66.7,
    'just above 66.7% (668 of 1000)',
    { satisfied: 600, basicallySatisfied: 68, dissatisfied: 332 },
    false,
  ],
  [66.7, 'just below 66.7% (666 of 1000)', { satisfied: 666, dissatisfied: 334 }, true],
  [66.7, 'two thirds, below 66.7% (2 of 3)', { satisfied: 2, dissatisfied: 1 }, true],
  [66.7, 'two thirds, below 66.7% (200 of 300)', { basicallySatisfied: 200, dissatisfied: 100 }, true],
];

describe('the satisfaction rule, one function for the review and the evaluation', () => {
  it.each(cases)('threshold %s%%: %s', (threshold, _what, counts, below) => {
    expect(
      meetsSatisfaction(
        { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unknown: 0, ...counts },
        threshold,
      ),
    ).toBe(!below);
    expect(reviewFlag(counts, threshold)).toBe(below);
    expect(evaluationFlag(counts, threshold)).toEqual({ below, shortfall: below, flagged: below });
  });

  it('has no rate to compare when nobody could judge', () => {
    expect(
      meetsSatisfaction({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, unknown: 3 }, 60),
    ).toBeNull();
    expect(reviewFlag({ unknown: 6 }, 60)).toBe(false);
    expect(evaluationFlag({ unknown: 6 }, 60)).toEqual({ below: false, shortfall: true, flagged: true });
  });

  it('gives the review and the evaluation the same answer for the same counts', () => {
    const counts = fc.record({
      satisfied: fc.nat(60),
      basicallySatisfied: fc.nat(60),
      dissatisfied: fc.nat(60),
      unknown: fc.nat(10),
    });
    // Thresholds in tenths, some of them at the very rate of the counts.
    const withThreshold = counts.chain((c) => {
      const judged = c.satisfied + c.basicallySatisfied + c.dissatisfied;
      const near = judged ? Math.round(((c.satisfied + c.basicallySatisfied) * 1000) / judged) : 600;
      return fc.tuple(
        fc.constant(c),
        fc
          .oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: near - 1, max: near + 1 }))
          .map((t) => t / 10),
      );
    });
    fc.assert(
      fc.property(withThreshold, ([c, threshold]) => {
        const judged = c.satisfied + c.basicallySatisfied + c.dissatisfied;
        const review = reviewFlag(c, threshold);
        expect(evaluationFlag(c, threshold).below).toBe(review);
        const exact =
          judged > 0 && (c.satisfied + c.basicallySatisfied) * 1000 < Math.round(threshold * 10) * judged;
        expect(review).toBe(exact);
      }),
    );
  });
});
