import { opinionRecordsOf, type StreamRecord, tallyRecordsOf } from '../data/stream-records';
import type { AggregatorDeps } from '../deps';
import { aggregateOpinions } from './aggregate-opinions';
import { tallyAnalyses } from './tally-analyses';

/**
 * What the aggregator does with one batch of the main table's stream: new
 * opinions into the live opinion counts, members and 党性分析 materials into
 * each unit's completion. Returns the sequence numbers of the records that
 * failed (to be delivered again); empty when all went in.
 */
export async function applyStream(deps: AggregatorDeps, records: StreamRecord[]): Promise<Set<string>> {
  const [opinions, analyses] = await Promise.all([
    aggregateOpinions(deps, opinionRecordsOf(records)),
    tallyAnalyses(deps, tallyRecordsOf(records)),
  ]);
  return new Set([...opinions, ...analyses]);
}
