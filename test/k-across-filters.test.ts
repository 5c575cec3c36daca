import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpinionFilters, ReferencedOpinion } from '../shared/domain/opinion';
import { listOpinions } from '../shared/domain/opinion-list';
import { belowK, suppressAdditive } from '../shared/domain/suppress';
import { asRecord, call } from './support/api';
import { inADay } from './support/opinion-fixture';
import { orgFixture } from './support/org-fixture';
import { createTestContext } from './support/test-env';

const runs = Number(process.env.FUZZ_RUNS ?? 200);
const respondents = ['member', 'mass', undefined] as const;
const abouts = ['leadership', 'members', 'work'];

const opinion = (
  i: number,
  respondent: (typeof respondents)[number],
  about: string[],
): ReferencedOpinion => ({
  ref: `r${i}`,
  roundId: 'R',
  unitId: 'U',
  formVersion: 1,
  day: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`,
  ...(respondent ? { respondent } : {}),
  about,
  focus: [],
  problems: [],
  opinion: `意见${i}`,
  suggestion: '',
  answers: {},
  receipt: `R${i}`,
  contentHash: `h${i}`,
});

/** Every query with at most one value per filter: none, respondent, about, or both. */
function queries(): OpinionFilters[] {
  const rs = [undefined, 'member', 'mass'] as const;
  const as = [undefined, ...abouts];
  return rs.flatMap((respondent) =>
    as.map((about) => ({
      roundId: 'R',
      ...(respondent ? { respondent } : {}),
      ...(about ? { about } : {}),
    })),
  );
}

/**
 * k across filters: whatever a reader combines (the summary's respondent
 * cells, every filtered list's total, its rows and their tags), no group of
 * 1..k−1 people can be counted or told apart.
 */
describe('k holds across every filter of the opinion list', () => {
  it('reveals no group below k through any filtered total, any difference of totals, or row tags', () => {
    const round = fc
      .array(fc.tuple(fc.constantFrom(...respondents), fc.subarray(abouts)), { maxLength: 30 })
      .map((xs) => xs.map(([r, a], i) => opinion(i, r, a)));
    fc.assert(
      fc.property(round, fc.integer({ min: 2, max: 6 }), (opinions, k) => {
        const shown = new Map<string, number>();
        for (const q of queries()) {
          const { rows, withheld } = listOpinions(opinions, q, k);
          if (!withheld) shown.set(JSON.stringify(q), rows.length);
          // A list shows k or more rows, or none, or it is the whole round.
          if (!withheld && (q.respondent || q.about)) expect(belowK(rows.length, k)).toBe(false);
          // A respondent tag shows only where the summary shows that cell (same suppression).
          if (!q.respondent && !q.about) {
            const counts: Record<string, number> = {};
            for (const o of opinions)
              counts[o.respondent ?? 'unspecified'] = (counts[o.respondent ?? 'unspecified'] ?? 0) + 1;
            const cells = new Map(suppressAdditive(counts, k).cells.map((c) => [c.key, c.count]));
            for (const row of rows) {
              if (row.respondent) expect(cells.get(row.respondent)).not.toBeNull();
            }
          }
        }
        // No two shown totals one filter apart differ by 1..k−1.
        for (const q of queries()) {
          const n = shown.get(JSON.stringify(q));
          if (n === undefined) continue;
          for (const key of ['respondent', 'about'] as const) {
            if (q[key] === undefined) continue;
            const widerQ = { ...q };
            delete widerQ[key];
            const w = shown.get(JSON.stringify(widerQ));
            if (w !== undefined) expect(belowK(w - n, k), `${JSON.stringify(q)} vs wider`).toBe(false);
          }
        }
        // The respondent breakdown the summary hides is never counted by a respondent filter alone.
        const counts: Record<string, number> = {};
        for (const o of opinions)
          counts[o.respondent ?? 'unspecified'] = (counts[o.respondent ?? 'unspecified'] ?? 0) + 1;
        const hidden = suppressAdditive(counts, k)
          .cells.filter((c) => c.count === null)
          .map((c) => c.key);
        for (const r of ['member', 'mass'] as const) {
          if (hidden.length > 0)
            expect(shown.has(JSON.stringify({ roundId: 'R', respondent: r }))).toBe(false);
        }
      }),
      { numRuns: runs },
    );
  });

  it('answers the 6 群众 + 2 党员 round with the notice for every respondent filter, through the API', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn' });
    const f = await orgFixture(t);
    const round = asRecord(
      (await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/rounds`, { closesAt: inADay() })).json,
    );
    for (const [i, respondent] of [
      'mass',
      'mass',
      'mass',
      'mass',
      'mass',
      'mass',
      'member',
      'member',
    ].entries()) {
      const res = await t.app.request(`/api/public/rounds/${round.id}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          submissionId: `S${String(i).padStart(21, '0')}`,
          respondent,
          opinion: `第${i}条`,
        }),
      });
      expect(res.status).toBe(201);
    }
    const list = (q: string) =>
      call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions?roundId=${round.id}${q}`);
    for (const respondent of ['mass', 'member']) {
      const res = asRecord((await list(`&respondent=${respondent}`)).json);
      expect(res.items).toEqual([]);
      expect(res.total).toBeNull();
      expect(res.withheld).toBeDefined();
    }
    // The unfiltered list shows all eight, none tagged.
    const all = asRecord((await list('')).json);
    const items = all.items as Record<string, unknown>[];
    expect(items).toHaveLength(8);
    expect(items.every((o) => o.respondent === undefined && o.respondentWithheld === true)).toBe(true);
  }, 60_000);
});
