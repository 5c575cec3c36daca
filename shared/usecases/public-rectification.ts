import { getEvaluation } from '../data/repos/evaluations';
import { measuresOf } from '../data/repos/measures';
import { problemsOf } from '../data/repos/reports';
import { getUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import { publicEvaluation } from '../domain/evaluation';
import { type PublicRectification, publicMeasure } from '../domain/rectification';
import { byWeight } from '../domain/report';

/**
 * A unit's rectification as the masses see it (disclosure page, receipt
 * look-up): each problem with its measures, most gathered first, and the
 * latest counted satisfaction evaluation. Live, not part of the approved report.
 */
export async function publicRectification(deps: Deps, unitId: string): Promise<PublicRectification> {
  const [problems, measures, unit] = await Promise.all([
    problemsOf(deps, unitId),
    measuresOf(deps, unitId),
    getUnit(deps, unitId),
  ]);
  const evaluation = unit?.lastEvaluation ? await getEvaluation(deps, unit.lastEvaluation.id) : undefined;
  return {
    problems: byWeight(problems).map((p) => ({
      ...p,
      measures: measures.filter((m) => m.problemId === p.id).map(publicMeasure),
    })),
    anyMeasure: measures.length > 0,
    evaluation: publicEvaluation(evaluation),
  };
}
export type { PublicRectification };
