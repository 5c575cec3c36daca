import type { CampaignSettings } from './campaign';
import {
  type Ballot,
  type Grade,
  grades,
  type ReviewSession,
  type Satisfaction,
  satisfactions,
} from './review';
import { type ByGroup, byGroup, voterGroups } from './vote';

export type GradeCounts = Record<Grade, number>;
export type SatisfactionCounts = Record<Satisfaction, number>;

const zeroGrades = (): GradeCounts => ({ excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 });
const zeroSatisfaction = (): SatisfactionCounts => ({
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  unknown: 0,
});
const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);

/** 满意率 = (满意 + 基本满意) / (all answers − 不了解); null when nobody could answer. */
export function satisfactionRate(c: SatisfactionCounts): number | null {
  const denominator = sum(c) - c.unknown;
  return denominator > 0 ? (c.satisfied + c.basicallySatisfied) / denominator : null;
}

/** 优秀率, 合格率 (合格 and above) and the share of 不合格 of one member's grades. */
export function gradeRates(c: GradeCounts) {
  const total = sum(c);
  if (total === 0) return { excellentRate: null, qualifiedRate: null, incompetentShare: null };
  return {
    excellentRate: c.excellent / total,
    qualifiedRate: (c.excellent + c.competent) / total,
    incompetentShare: c.incompetent / total,
  };
}

/** How many members the organisation may grade 优秀 under the cap (at most that share of members graded). */
export function excellentAllowed(gradedMembers: number, cap: number): number {
  // A small epsilon so that a cap of exactly 1/3 of 30 members allows 10, not 9.
  return Math.floor(gradedMembers * cap + 1e-9);
}

/**
 * Counts a closed session's ballots: per member, grades per voter group and
 * combined, with their rates; the leading team's satisfaction likewise. The
 * groups are shown apart only when every group that voted has at least k
 * ballots; otherwise only the combined figures are shown, so no group below k
 * can be had by subtraction. With fewer than k ballots in all, no marks are
 * shown (nor flags computed), only the numbers of ballots. Flags follow the campaign's settings; they advise,
 * the organisation decides (看票不唯票).
 */
export function tally(
  session: ReviewSession,
  ballots: Pick<Ballot, 'voterGroup' | 'grades' | 'satisfaction'>[],
  settings: Pick<CampaignSettings, 'anonymityK' | 'satisfactionThreshold' | 'incompetentShareThreshold'>,
) {
  const ballotsBy = byGroup((g) => ballots.filter((b) => b.voterGroup === g).length);
  // Combined minus one group shown apart is the other group: if any group is
  // below k, neither is shown apart. A group with no ballots exposes nobody.
  const someGroupSmall = voterGroups.some((g) => ballotsBy[g] > 0 && ballotsBy[g] < settings.anonymityK);
  const shownApart = byGroup((g) => !someGroupSmall && ballotsBy[g] > 0);
  // Fewer than k ballots in all: any figure would be a handful of people's own marks.
  const withheld = ballots.length > 0 && ballots.length < settings.anonymityK;

  const members = session.members.map((m) => {
    const counts: ByGroup<GradeCounts> = byGroup(zeroGrades);
    for (const b of ballots) {
      const g = b.grades[m.id];
      if (g) counts[b.voterGroup][g] += 1;
    }
    const combined = zeroGrades();
    for (const g of voterGroups) for (const grade of grades) combined[grade] += counts[g][grade];
    const rates = gradeRates(withheld ? zeroGrades() : combined);
    return {
      ...m,
      byGroup: byGroup((g) => (shownApart[g] ? counts[g] : null)),
      combined: withheld ? null : combined,
      ...rates,
      flagIncompetent:
        rates.incompetentShare !== null && rates.incompetentShare >= settings.incompetentShareThreshold,
    };
  });

  const satBy: ByGroup<SatisfactionCounts> = byGroup(zeroSatisfaction);
  for (const b of ballots) satBy[b.voterGroup][b.satisfaction] += 1;
  const satCombined = zeroSatisfaction();
  for (const g of voterGroups) for (const s of satisfactions) satCombined[s] += satBy[g][s];
  const rate = withheld ? null : satisfactionRate(satCombined);

  return {
    ballots: { ...ballotsBy, total: ballots.length },
    shownApart,
    /** True when fewer than k ballots came back: no marks are shown at all, only how many. */
    withheld,
    members,
    leadership: {
      byGroup: byGroup((g) => (shownApart[g] ? satBy[g] : null)),
      combined: withheld ? null : satCombined,
      satisfactionRate: rate,
      /** Below the threshold, the leading team must 补课 (make up the lesson). */
      remedial: rate !== null && rate * 100 < settings.satisfactionThreshold,
    },
  };
}
export type Tally = ReturnType<typeof tally>;
