import { getEvaluation } from '../data/repos/evaluations';
import { measuresOf } from '../data/repos/measures';
import { problemsOf } from '../data/repos/reports';
import { getUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import { type PublicEvaluation, publicEvaluation } from '../domain/evaluation';
import { type Measure, type PublicRectification, rectificationView } from '../domain/rectification';

/**
 * A unit's measures and its latest counted evaluation (by codes: a poll is
 * never shown as the verdict). `consistent` for a writer about to log them.
 */
export async function rectificationNow(
  deps: Deps,
  unitId: string,
  opts: { consistent?: boolean } = {},
): Promise<{ measures: Measure[]; evaluation: PublicEvaluation | undefined }> {
  const [measures, unit] = await Promise.all([measuresOf(deps, unitId, opts), getUnit(deps, unitId)]);
  const evaluation = unit?.lastEvaluation ? await getEvaluation(deps, unit.lastEvaluation.id) : undefined;
  return { measures, evaluation: publicEvaluation(evaluation) };
}

/**
 * A unit's rectification as the masses see it (disclosure page, receipt
 * look-up): each problem with its measures, most gathered first, and the
 * latest counted satisfaction evaluation. Live; each change of it after the
 * report's approval is an entry of the publication log.
 */
export async function publicRectification(deps: Deps, unitId: string): Promise<PublicRectification> {
  const [problems, now] = await Promise.all([problemsOf(deps, unitId), rectificationNow(deps, unitId)]);
  return rectificationView(problems, now.measures, now.evaluation);
}
export type { PublicRectification };
