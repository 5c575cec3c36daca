import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grades, marks, type PaperEntry, type ReviewSession, satisfactions } from '../shared/domain/review';
import { satisfactionRate } from '../shared/domain/satisfaction';
import { excellentAllowed, tally } from '../shared/domain/tally';
import { matchCountingEntries, voterGroups } from '../shared/domain/vote';

const session = (n: number): ReviewSession => ({
  id: 's',
  unitId: 'u',
  campaignId: 'c',
  groupId: 'g',
  unitName: '单位',
  members: Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    name: `党员${i}`,
    category: 'ordinary' as const,
  })),
  due: { member: 10, mass: 10 },
  paperIssued: { member: 0, mass: 0 },
  paperEntries: 0,
  comments: true,
  massUnknown: false,
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2026-01-02T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'x',
});

const settings = { anonymityK: 5, satisfactionThreshold: 60, incompetentShareThreshold: 1 / 3 };

const ballotsFor = (n: number) =>
  fc.array(
    fc.record({
      voterGroup: fc.constantFrom(...voterGroups),
      grades: fc
        .tuple(...Array.from({ length: n }, () => fc.constantFrom(...grades)))
        .map((gs) => Object.fromEntries(gs.map((g, i) => [`m${i}`, g]))),
      satisfaction: fc.constantFrom(...satisfactions),
    }),
    { maxLength: 40 },
  );

describe('the tally', () => {
  it('counts every ballot once per member, and the groups add up to the combined figures', () => {
    fc.assert(
      fc.property(ballotsFor(3), (ballots) => {
        const t = tally(session(3), ballots, settings);
        expect(t.ballots.total).toBe(ballots.length);
        const fewerThanK = ballots.length > 0 && ballots.length < settings.anonymityK;
        expect(t.withheld).toBe(fewerThanK);
        for (const m of t.members) {
          if (fewerThanK) {
            // Fewer than k ballots in all: no marks at all, only how many came back.
            expect(m.combined).toBeNull();
            expect(m.flagIncompetent).toBe(false);
            continue;
          }
          expect(Object.values(m.combined ?? {}).reduce((s, n) => s + n, 0)).toBe(ballots.length);
          for (const g of grades) {
            expect(m.combined?.[g]).toBe(ballots.filter((b) => b.grades[m.id] === g).length);
          }
        }
        if (fewerThanK) expect(t.leadership.combined).toBeNull();
      }),
    );
  });

  it('never shows a voter group of fewer than k ballots, not even by subtraction', () => {
    fc.assert(
      fc.property(ballotsFor(2), (ballots) => {
        const t = tally(session(2), ballots, settings);
        const n = (g: (typeof voterGroups)[number]) => ballots.filter((b) => b.voterGroup === g).length;
        const small = voterGroups.filter((g) => n(g) > 0 && n(g) < settings.anonymityK);
        for (const g of voterGroups) {
          const shown = t.shownApart[g];
          // Every figure published for a group apart is the group's own, or nothing.
          expect(t.leadership.byGroup[g] === null).toBe(!shown);
          for (const m of t.members) expect(m.byGroup[g] === null).toBe(!shown);
          // A group apart is shown only when no group that voted is below k:
          // then combined − shown group reveals only groups of k or more.
          if (shown) expect(small).toEqual([]);
          if (shown) expect(n(g)).toBeGreaterThanOrEqual(settings.anonymityK);
        }
        // What subtraction can yield: combined minus every group shown apart.
        const derived = voterGroups.filter((g) => !t.shownApart[g] && n(g) > 0);
        if (voterGroups.some((g) => t.shownApart[g])) {
          for (const g of derived) expect(n(g)).toBeGreaterThanOrEqual(settings.anonymityK);
        }
      }),
    );
  });

  it('shows 6 members and 4 masses combined only (k = 5)', () => {
    const six = Array.from({ length: 6 }, () => ({
      voterGroup: 'member' as const,
      grades: { m0: 'competent' as const },
      satisfaction: 'satisfied' as const,
    }));
    const four = Array.from({ length: 4 }, () => ({
      voterGroup: 'mass' as const,
      grades: { m0: 'incompetent' as const },
      satisfaction: 'dissatisfied' as const,
    }));
    const t = tally(session(1), [...six, ...four], { ...settings, anonymityK: 5 });
    expect(t.shownApart).toEqual({ member: false, mass: false });
    expect(t.members[0]?.byGroup).toEqual({ member: null, mass: null });
    expect(t.leadership.byGroup).toEqual({ member: null, mass: null });
    expect(t.members[0]?.combined?.incompetent).toBe(4);
  });

  it('computes 满意率 leaving out 不了解, and flags 补课 below the threshold', () => {
    fc.assert(
      fc.property(ballotsFor(1), (ballots) => {
        // k = 1: the arithmetic, apart from withholding small counts.
        const t = tally(session(1), ballots, { ...settings, anonymityK: 1 });
        const known = ballots.filter((b) => b.satisfaction !== 'unknown');
        const good = known.filter(
          (b) => b.satisfaction === 'satisfied' || b.satisfaction === 'basicallySatisfied',
        );
        if (known.length === 0) expect(t.leadership.satisfactionRate).toBeNull();
        else expect(t.leadership.satisfactionRate).toBeCloseTo(good.length / known.length, 12);
        expect(t.leadership.remedial).toBe(known.length > 0 && (good.length / known.length) * 100 < 60);
      }),
    );
  });

  it('flags a member whose share of 不合格 reaches the threshold', () => {
    fc.assert(
      fc.property(ballotsFor(1), (ballots) => {
        const [m] = tally(session(1), ballots, { ...settings, anonymityK: 1 }).members;
        const bad = ballots.filter((b) => b.grades.m0 === 'incompetent').length;
        expect(m?.flagIncompetent).toBe(ballots.length > 0 && bad / ballots.length >= 1 / 3);
      }),
    );
  });

  it('rates 优秀 and 合格 (合格 and above)', () => {
    expect(
      satisfactionRate({ satisfied: 3, basicallySatisfied: 1, dissatisfied: 1, unknown: 5 }),
    ).toBeCloseTo(0.8);
    const t = tally(
      session(1),
      [
        { voterGroup: 'member', grades: { m0: 'excellent' }, satisfaction: 'satisfied' },
        { voterGroup: 'member', grades: { m0: 'competent' }, satisfaction: 'satisfied' },
        { voterGroup: 'member', grades: { m0: 'basicallyCompetent' }, satisfaction: 'satisfied' },
        { voterGroup: 'member', grades: { m0: 'incompetent' }, satisfaction: 'satisfied' },
      ],
      { ...settings, anonymityK: 1 },
    );
    expect(t.members[0]).toMatchObject({ excellentRate: 0.25, qualifiedRate: 0.5, incompetentShare: 0.25 });
  });

  it('leaves 不了解 out of the rates, and never shows it for too few mass representatives', () => {
    const withUnknown = fc.array(
      fc.oneof(
        fc.record({
          voterGroup: fc.constant('member' as const),
          grades: fc.record({ m0: fc.constantFrom(...grades) }),
          satisfaction: fc.constantFrom(...satisfactions),
        }),
        fc.record({
          voterGroup: fc.constant('mass' as const),
          grades: fc.record({ m0: fc.constantFrom(...marks) }),
          satisfaction: fc.constantFrom(...satisfactions),
        }),
      ),
      { maxLength: 30 },
    );
    const s = { ...session(1), massUnknown: true };
    fc.assert(
      fc.property(withUnknown, (ballots) => {
        const t = tally(s, ballots, settings);
        const [m] = t.members;
        const mass = ballots.filter((b) => b.voterGroup === 'mass').length;
        const unknown = ballots.filter((b) => b.grades.m0 === 'unknown').length;
        if (mass === 0 || mass >= settings.anonymityK || unknown === 0) {
          expect(t.membersWithheld).toBe(t.withheld);
        } else {
          // 不了解 is a mass representatives' figure: with fewer than k of them, no member's marks.
          expect(t.membersWithheld).toBe(true);
          expect(m?.combined).toBeNull();
          expect(m?.excellentRate).toBeNull();
        }
        if (!t.membersWithheld) {
          expect(m?.combined?.unknown).toBe(unknown);
          const known = ballots.length - unknown;
          const good = ballots.filter((b) => b.grades.m0 === 'excellent').length;
          if (known === 0) expect(m?.excellentRate).toBeNull();
          else expect(m?.excellentRate).toBeCloseTo(good / known, 12);
        }
      }),
    );
  });

  it('allows exactly a third of 30 members to be 优秀', () => {
    expect(excellentAllowed(30, 1 / 3)).toBe(10);
    expect(excellentAllowed(31, 1 / 3)).toBe(10);
    expect(excellentAllowed(2, 1 / 3)).toBe(0);
  });
});

describe('paper ballots entered by two tellers', () => {
  const entry = (slipNo: number, teller: 1 | 2, grade: 'competent' | 'excellent'): PaperEntry => ({
    slipNo,
    teller,
    voterGroup: 'member',
    enteredBy: `teller${teller}`,
    grades: { m0: grade },
    satisfaction: 'satisfied',
  });

  it('counts a slip when both entries agree and lists the others', () => {
    const { counted, mismatched } = matchCountingEntries([
      entry(1, 1, 'competent'),
      entry(1, 2, 'competent'),
      entry(2, 1, 'competent'),
      entry(2, 2, 'excellent'),
      entry(3, 1, 'competent'),
    ]);
    expect(counted.map((c) => c.slipNo)).toEqual([1]);
    expect(mismatched).toEqual([
      { slipNo: 2, problem: 'different' },
      { slipNo: 3, problem: 'onlyOneTeller' },
    ]);
  });
});
