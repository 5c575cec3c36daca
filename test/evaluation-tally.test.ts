import { describe, expect, it } from 'vitest';
import { tallyEvaluation } from '../shared/domain/evaluation-tally';
import type { Satisfaction } from '../shared/domain/review';

const items = [
  { measureId: 'm1', problem: '纪律松弛', action: '建立考勤制度' },
  { measureId: 'm2', problem: '办事拖拉', action: '推行限时办结' },
];
const settings = { anonymityK: 5, satisfactionThreshold: 60 };

/** Ballots with the given overall answers; m1 gets the same answer, m2 always 满意. */
function ballots(answers: Partial<Record<Satisfaction, number>>) {
  return Object.entries(answers).flatMap(([answer, n]) =>
    Array.from({ length: n ?? 0 }, () => ({
      overall: answer as Satisfaction,
      measures: { m1: answer as Satisfaction, m2: 'satisfied' as Satisfaction },
    })),
  );
}

describe('the satisfaction evaluation tally and the 补课 flag', () => {
  it('is not flagged at exactly the threshold (60 of 100 满意 or 基本满意)', () => {
    const r = tallyEvaluation(
      { items, mode: 'codes' },
      ballots({ satisfied: 35, basicallySatisfied: 25, dissatisfied: 40 }),
      settings,
    );
    expect(r.overall.rate).toBeCloseTo(0.6, 10);
    expect(r.remedial).toEqual({ flagged: false, reason: null, shortMeasures: [] });
  });

  it('is not flagged just above it, and flagged just below it with the measures that fell short', () => {
    const above = tallyEvaluation(
      { items, mode: 'codes' },
      ballots({ satisfied: 61, dissatisfied: 39 }),
      settings,
    );
    expect(above.remedial.flagged).toBe(false);
    const below = tallyEvaluation(
      { items, mode: 'codes' },
      ballots({ satisfied: 59, dissatisfied: 41 }),
      settings,
    );
    expect(below.overall.rate).toBeCloseTo(0.59, 10);
    expect(below.remedial).toEqual({ flagged: true, reason: 'below', shortMeasures: ['m1'] });
    expect(below.measures.map((m) => [m.measureId, m.shortfall])).toEqual([
      ['m1', true],
      ['m2', false],
    ]);
  });

  it('leaves 不了解 out of 满意率', () => {
    // 3 满意 and 2 不满意 of 5 who could judge is 60%, whatever the 10 不了解.
    const r = tallyEvaluation(
      { items, mode: 'codes' },
      ballots({ satisfied: 3, dissatisfied: 2, unknown: 10 }),
      settings,
    );
    expect(r.overall.rate).toBeCloseTo(0.6, 10);
    expect(r.overall.counts).toEqual({ satisfied: 3, basicallySatisfied: 0, dissatisfied: 2, unknown: 10 });
    expect(r.remedial.flagged).toBe(false);
  });

  it('flags a unit when every answer is 不了解: nobody knew of the rectification', () => {
    const r = tallyEvaluation({ items, mode: 'codes' }, ballots({ unknown: 12 }), settings);
    expect(r.overall.rate).toBeNull();
    expect(r.remedial).toEqual({ flagged: true, reason: 'noRate', shortMeasures: ['m1'] });
  });

  it('shows nothing but the number below k, and flags it as too few without looking at the answers', () => {
    const happy = tallyEvaluation({ items, mode: 'codes' }, ballots({ satisfied: 4 }), settings);
    const unhappy = tallyEvaluation({ items, mode: 'codes' }, ballots({ dissatisfied: 4 }), settings);
    expect(happy).toEqual(unhappy);
    expect(happy.withheld).toBe(true);
    expect(happy.overall).toEqual({ counts: null, rate: null });
    expect(happy.measures.every((m) => m.counts === null && !m.shortfall)).toBe(true);
    expect(happy.remedial).toEqual({ flagged: true, reason: 'tooFew', shortMeasures: [] });
  });

  it('follows the campaign’s threshold', () => {
    const b = ballots({ satisfied: 70, dissatisfied: 30 });
    expect(
      tallyEvaluation({ items, mode: 'codes' }, b, { ...settings, satisfactionThreshold: 70 }).remedial
        .flagged,
    ).toBe(false);
    expect(
      tallyEvaluation({ items, mode: 'codes' }, b, { ...settings, satisfactionThreshold: 71 }).remedial
        .flagged,
    ).toBe(true);
  });
});
