import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { Deps } from '../deps';
import { aggregateStreamBatch } from '../usecases/aggregate-opinions';

/**
 * Under `npm start` (and in the tests), what the Lambda event source does on
 * AWS: reads the main table's stream from DynamoDB Local, shard by shard, and
 * hands each batch to the same aggregator code. A batch that fails is read
 * again from the same iterator on the next round; records applied twice
 * change nothing.
 */
export function streamPoller(deps: Deps, client: DynamoDBClient, endpoint: string) {
  const streams = new DynamoDBStreamsClient({
    region: 'local',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();
  let streamArn: string | undefined;

  async function shards(): Promise<string[]> {
    streamArn ??= (await client.send(new DescribeTableCommand({ TableName: deps.tableName }))).Table
      ?.LatestStreamArn;
    if (!streamArn) return [];
    const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    return (out.StreamDescription?.Shards ?? []).map((s) => s.ShardId ?? '').filter(Boolean);
  }

  /** Reads every shard once; returns how many records it handed to the aggregator. */
  async function pollOnce(): Promise<number> {
    let seen = 0;
    for (const shardId of await shards()) {
      if (finished.has(shardId)) continue;
      let iterator = iterators.get(shardId);
      if (!iterator) {
        const got = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        );
        iterator = got.ShardIterator;
      }
      while (iterator) {
        let out: GetRecordsCommandOutput;
        try {
          out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        } catch (err) {
          if (err instanceof ExpiredIteratorException) iterators.delete(shardId);
          throw err;
        }
        const records = out.Records ?? [];
        if (records.length > 0) {
          const failed = await aggregateStreamBatch(deps, records);
          // Keep the iterator: the next round reads the same batch again.
          if (failed.size > 0) break;
          seen += records.length;
        }
        iterators.set(shardId, out.NextShardIterator);
        if (!out.NextShardIterator) finished.add(shardId);
        if (records.length === 0) break;
        iterator = out.NextShardIterator;
      }
    }
    return seen;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    pollOnce,
    /** Reads until a round finds nothing new (the tests' way to wait for the counts). */
    async drain() {
      await running;
      while ((await pollOnce()) > 0) {
        // keep reading
      }
    },
    /** Polls every `ms` in the background until `stop()`. */
    start(ms = 1000) {
      const tick = () => {
        running = pollOnce()
          .catch((err: unknown) => deps.log.warn('stream poll failed', { error: (err as Error).name }))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, ms);
          });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      streams.destroy();
    },
  };
}
export type StreamPoller = ReturnType<typeof streamPoller>;
