import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { loadAggregatorConfig } from '../shared/config/env';
import { createDeps } from '../shared/deps';
import { applyStream } from '../shared/usecases/apply-stream';

// Built once per cold start, from the tables, region and log level alone: the aggregator signs
// nothing and builds no links, so it is given no secret and no origin.
const deps = createDeps(loadAggregatorConfig());
const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * The main table's stream consumer: the batch's new opinions are decoded,
 * folded in memory and written once (one update per aggregate item and
 * round), and its member and 党性分析 changes into each unit's completion
 * sets; each record then succeeds or fails with the writes it took part in,
 * which Powertools reports as partial batch failures so only those are retried.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  const outcome = applyStream(deps, event.Records);
  return processPartialResponse(
    event,
    async (record: DynamoDBRecord) => {
      const failed = await outcome;
      if (failed.has(record.dynamodb?.SequenceNumber ?? '')) throw new Error('aggregate write failed');
    },
    processor,
    { context },
  );
};
