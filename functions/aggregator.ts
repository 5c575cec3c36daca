import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config/env';
import { unusedSecret } from '../shared/config/secrets';
import { createDeps } from '../shared/deps';
import { aggregateStreamBatch } from '../shared/usecases/aggregate-opinions';

// Built once per cold start. The aggregator signs nothing and builds no links; the app's
// configuration still asks for those settings, so they get unusable values here.
const deps = createDeps(
  loadConfig({
    SESSION_SECRET: unusedSecret(),
    CODE_HASH_SECRET: unusedSecret(),
    PUBLIC_BASE_URL: 'https://not-used.invalid',
    ...process.env,
  }),
);
const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * The opinion table's stream consumer: the whole batch is folded in memory
 * and written once (one update per aggregate item and round); each record
 * then succeeds or fails with the writes it took part in, which Powertools
 * reports as partial batch failures so only those are retried.
 */
export const handler = async (event: DynamoDBStreamEvent, context: Context) => {
  const outcome = aggregateStreamBatch(deps, event.Records);
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
