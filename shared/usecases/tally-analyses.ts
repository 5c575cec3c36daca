import { applyTally } from '../data/repos/analysis-tallies';
import type { AggregatorDeps } from '../deps';
import { foldTally, type TallyRecord } from '../domain/analysis-tally';

/**
 * Folds a batch's member and material changes into each unit's 党性分析
 * completion (one or two writes per unit touched). Returns the sequence
 * numbers of the records whose unit could not be written; empty when all went in.
 */
export async function tallyAnalyses(deps: AggregatorDeps, records: TallyRecord[]): Promise<Set<string>> {
  const failed = new Set<string>();
  await Promise.all(
    foldTally(records).map(async (change) => {
      try {
        await applyTally(deps, change);
      } catch (err) {
        deps.log.error('analysis tally write failed', {
          unitId: change.unitId,
          records: change.seqs.length,
          error: (err as Error).name,
        });
        for (const seq of change.seqs) failed.add(seq);
      }
    }),
  );
  return failed;
}
