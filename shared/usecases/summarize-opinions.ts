import { allOpinions } from '../data/repos/opinions';
import type { Deps } from '../deps';
import type { Opinion } from '../domain/opinion';
import { aboutOptions, focusAreas, problemLabels } from '../domain/opinion-form';
import type { OpinionSummary } from '../domain/opinion-summary';
import type { UnitType } from '../domain/org';
import { type Cell, suppressAdditive, suppressIndependent } from '../domain/suppress';

function countBy(opinions: Opinion[], keysOf: (o: Opinion) => string[], all: string[]) {
  const counts: Record<string, number> = Object.fromEntries(all.map((k) => [k, 0]));
  for (const o of opinions) for (const k of keysOf(o)) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

const byCountDesc = (cells: Cell[]) => [...cells].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));

/**
 * Counts a unit's opinions (one round, or all) by respondent type, subject,
 * focus area and problem, with every group below k hidden. Problems come
 * most-named first: the seed asks to solve what the masses feel most strongly.
 * Reads with a Query until live aggregation from the table's stream arrives.
 */
export async function summarizeOpinions(
  deps: Deps,
  unit: { id: string; type: UnitType },
  k: number,
  roundId?: string,
): Promise<OpinionSummary> {
  const opinions = await allOpinions(deps, unit.id, roundId);
  const respondent = suppressAdditive(
    countBy(opinions, (o) => [o.respondent ?? 'unspecified'], ['member', 'mass', 'unspecified']),
    k,
  );
  return {
    k,
    total: respondent.total,
    respondent: respondent.cells,
    about: suppressIndependent(
      countBy(opinions, (o) => o.about, Object.keys(aboutOptions)),
      k,
    ),
    focus: byCountDesc(
      suppressIndependent(
        countBy(opinions, (o) => o.focus, Object.keys(focusAreas[unit.type])),
        k,
      ),
    ),
    problems: byCountDesc(
      suppressIndependent(
        countBy(opinions, (o) => o.problems, Object.keys(problemLabels)),
        k,
      ),
    ),
  };
}
