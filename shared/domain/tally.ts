import type { CampaignSettings } from './campaign';
import {
  type Ballot,
  type Grade,
  grades,
  type Mark,
  marks,
  type ReviewSession,
  satisfactions,
} from './review';
import {
  meetsSatisfaction,
  type SatisfactionCounts,
  satisfactionRate,
  zeroSatisfaction,
} from './satisfaction';
import { belowK } from './suppress';
import { type ByGroup, byGroup, voterGroups } from './vote';

export type GradeCounts = Record<Grade, number>;
/** A member's marks: the four grades and 不了解 (always 0 where it was not offered). */
export type MarkCounts = Record<Mark, number>;

const zeroGrades = (): GradeCounts => ({ excellent: 0, competent: 0, basicallyCompetent: 0, incompetent: 0 });
const zeroMarks = (): MarkCounts => ({ ...zeroGrades(), unknown: 0 });

/** 优秀率, 合格率 (合格 and above) and the share of 不合格 of one member's grades; 不了解 is left out. */
export function gradeRates(c: GradeCounts | MarkCounts) {
  const total = grades.reduce((s, g) => s + c[g], 0);
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
  const someGroupSmall = voterGroups.some((g) => belowK(ballotsBy[g], settings.anonymityK));
  const shownApart = byGroup((g) => !someGroupSmall && ballotsBy[g] > 0);
  // Fewer than k ballots in all: any figure would be a handful of people's own marks.
  const withheld = belowK(ballots.length, settings.anonymityK);
  // 不了解 comes from mass representatives alone, so a member's 不了解 count (or the ballots
  // total less the member's grades) is a figure of that group: when they are fewer than k
  // and one of them used it, no member's marks are shown.
  const unknownExposes =
    belowK(ballotsBy.mass, settings.anonymityK) &&
    ballots.some((b) => Object.values(b.grades).includes('unknown'));
  const membersWithheld = withheld || unknownExposes;

  const members = session.members.map((m) => {
    const counts: ByGroup<MarkCounts> = byGroup(zeroMarks);
    for (const b of ballots) {
      const g = b.grades[m.id];
      if (g) counts[b.voterGroup][g] += 1;
    }
    const combined = zeroMarks();
    for (const g of voterGroups) for (const mark of marks) combined[mark] += counts[g][mark];
    const rates = gradeRates(membersWithheld ? zeroMarks() : combined);
    return {
      ...m,
      byGroup: byGroup((g) => (shownApart[g] && !membersWithheld ? counts[g] : null)),
      combined: membersWithheld ? null : combined,
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
    /** True when no member's marks are shown (withheld, or 不了解 from too few mass representatives). */
    membersWithheld,
    /** Whether 不了解 was offered to mass representatives. */
    massUnknown: session.massUnknown,
    members,
    leadership: {
      byGroup: byGroup((g) => (shownApart[g] ? satBy[g] : null)),
      combined: withheld ? null : satCombined,
      satisfactionRate: rate,
      /** Below the threshold, the leading team must 补课 (make up the lesson). */
      remedial: !withheld && meetsSatisfaction(satCombined, settings.satisfactionThreshold) === false,
    },
  };
}
export type Tally = ReturnType<typeof tally>;
