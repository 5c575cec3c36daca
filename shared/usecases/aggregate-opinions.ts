import { applyDelta } from '../data/repos/opinion-aggregates';
import type { AggregatorDeps } from '../deps';
import { fold, type OpinionRecord } from '../domain/opinion-aggregate';

/**
 * Folds a batch of new opinions (decoded from the stream, each with its
 * sequence number) into the live opinion counts: one write per aggregate item
 * and round the batch touches, each idempotent under redelivery. Returns the
 * sequence numbers of the records whose counts could not be written (for
 * partial-failure reporting); empty when all went in.
 */
export async function aggregateOpinions(
  deps: AggregatorDeps,
  records: OpinionRecord[],
): Promise<Set<string>> {
  const failed = new Set<string>();
  await Promise.all(
    fold(records).map(async (delta) => {
      try {
        await applyDelta(deps, delta);
      } catch (err) {
        deps.log.error('aggregate write failed', {
          scope: delta.scope,
          records: delta.records.length,
          error: (err as Error).name,
        });
        for (const r of delta.records) failed.add(r.seq);
      }
    }),
  );
  return failed;
}
