import { getOpinionCounts, unitWithCounts } from '../data/repos/opinion-aggregates';
import { allOpinions } from '../data/repos/opinions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { AnalysisTally } from '../domain/analysis-tally';
import { type Counts, countOpinions } from '../domain/opinion-aggregate';
import { aboutOptions, focusAreas, problemLabels } from '../domain/opinion-form';
import type { OpinionSummary } from '../domain/opinion-summary';
import type { Unit, UnitType } from '../domain/org';
import { type Cell, suppressAdditive, suppressIndependent } from '../domain/suppress';
import { campaignOfUnit, unitReadFor } from './access';

const pick = (counts: Counts, prefix: string, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, counts[`${prefix}${k}`] ?? 0]));

const byCountDesc = (cells: Cell[]) => [...cells].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));

/**
 * The summary of a set of counts (live or recounted) by respondent type,
 * subject, focus area and problem, with every group below k hidden. Problems
 * come most-named first: the seed asks to solve what the masses feel most strongly.
 */
export function summaryOf(counts: Counts, unitType: UnitType, k: number): OpinionSummary {
  const respondent = suppressAdditive(pick(counts, 'r_', ['member', 'mass', 'unspecified']), k);
  return {
    k,
    total: respondent.total,
    respondent: respondent.cells,
    about: suppressIndependent(pick(counts, 'a_', Object.keys(aboutOptions)), k),
    focus: byCountDesc(suppressIndependent(pick(counts, 'f_', Object.keys(focusAreas[unitType])), k)),
    problems: byCountDesc(suppressIndependent(pick(counts, 'p_', Object.keys(problemLabels)), k)),
    days: Object.entries(counts)
      .filter(([name]) => /^d_\d{8}$/.test(name))
      .map(([name, count]) => ({
        day: `${name.slice(2, 6)}-${name.slice(6, 8)}-${name.slice(8, 10)}`,
        count,
      }))
      .sort((a, b) => (a.day < b.day ? -1 : 1)),
  };
}

/**
 * A unit's opinion summary (one round, or all) from the live counts the
 * stream keeps: one read, however many opinions there are.
 */
export async function summarizeOpinions(
  deps: Deps,
  unit: { id: string; type: UnitType },
  k: number,
  roundId?: string,
): Promise<OpinionSummary> {
  return summaryOf(await getOpinionCounts(deps, unit.id, roundId), unit.type, k);
}

/**
 * The dashboard's read, for those who may read the unit: the unit, its live
 * counts (all rounds or one) and, for a campaign-scoped caller, the campaign
 * (for k) in one BatchGetItem, whatever the number of opinions.
 */
export async function opinionSummary(
  deps: Deps,
  who: Principal,
  unitId: string,
  roundId?: string,
): Promise<{ unit: Unit; summary: OpinionSummary; analyses: AnalysisTally }> {
  const scope = who.scope;
  const read = await unitWithCounts(
    deps,
    unitId,
    roundId,
    'campaignId' in scope ? scope.campaignId : undefined,
  );
  const unit = unitReadFor(who, 'read', read.unit);
  const campaign = await campaignOfUnit(deps, who, unit, read.campaign);
  return {
    unit,
    summary: summaryOf(read.counts, unit.type, campaign.settings.anonymityK),
    analyses: read.analyses,
  };
}

/** The exact counts, recomputed from the opinions themselves (paged Query, no Scan). */
export async function recountOpinions(deps: Deps, unitId: string, roundId?: string): Promise<Counts> {
  return countOpinions(await allOpinions(deps, unitId, roundId));
}
