import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpinionFilters, ReferencedOpinion } from '../shared/domain/opinion';
import { listOpinions } from '../shared/domain/opinion-list';

const opinion = fc.record({
  respondent: fc.constantFrom('member', 'mass', undefined),
  about: fc.subarray(['self', 'team', 'unit']),
  problems: fc.subarray(['powerView', 'statusView', 'interestView']),
  day: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-03'),
});
const toOpinion = (
  o: typeof opinion extends fc.Arbitrary<infer T> ? T : never,
  i: number,
): ReferencedOpinion => ({
  ref: `R${String(i).padStart(21, '0')}`,
  roundId: 'r',
  unitId: 'u',
  formVersion: 1,
  day: o.day,
  ...(o.respondent ? { respondent: o.respondent } : {}),
  about: o.about,
  focus: [],
  problems: o.problems,
  opinion: `意见${i}`,
  suggestion: '',
  answers: {},
  receipt: `R${i}`,
  contentHash: `h${i}`,
});
const filters: fc.Arbitrary<OpinionFilters> = fc.record(
  {
    about: fc.constantFrom('self', 'team', 'unit'),
    problem: fc.constantFrom('powerView', 'statusView', 'interestView'),
    respondent: fc.constantFrom('member', 'mass'),
  },
  { requiredKeys: [] },
);

describe('the opinion list under k (property tests)', () => {
  it('never lists 1..k−1 opinions for a narrowing filter, and no tag or untagged set singles out fewer than k', () => {
    fc.assert(
      fc.property(
        fc.array(opinion, { maxLength: 40 }),
        filters,
        fc.integer({ min: 2, max: 8 }),
        (raw, f, k) => {
          const all = raw.map(toOpinion);
          const { rows, withheld } = listOpinions(all, f, k);
          const narrowed = Object.keys(f).length > 0;
          if (narrowed) expect(rows.length === 0 || rows.length >= k).toBe(true);
          if (withheld) expect(rows).toEqual([]);
          // Each shown tag is carried by k or more rows.
          for (const tag of ['member', 'mass']) {
            const tagged = rows.filter((r) => !r.respondentWithheld && r.respondent === tag).length;
            expect(tagged === 0 || tagged >= k).toBe(true);
          }
          const unspecified = rows.filter((r) => !r.respondentWithheld && r.respondent === undefined).length;
          expect(unspecified === 0 || unspecified >= k).toBe(true);
          // The withheld rows together are k or more, or the whole list (nothing to subtract from).
          const untagged = rows.filter((r) => r.respondentWithheld).length;
          expect(untagged === 0 || untagged >= k || untagged === rows.length).toBe(true);
          // No receipt or content hash ever reaches the list.
          for (const r of rows) expect(Object.keys(r)).not.toContain('receipt');
        },
      ),
    );
  });

  it('lists every matching opinion, newest day first', () => {
    fc.assert(
      fc.property(fc.array(opinion, { minLength: 10, maxLength: 30 }), (raw) => {
        const { rows } = listOpinions(raw.map(toOpinion), {}, 1);
        expect(rows).toHaveLength(raw.length);
        const days = rows.map((r) => r.day);
        expect(days).toEqual([...days].sort().reverse());
      }),
    );
  });
});
