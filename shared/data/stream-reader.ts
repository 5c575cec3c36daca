import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { StreamRecord } from './stream-records';

/** The DynamoDB client the stream's table is described with. */
export type TableClient = DynamoDBClient;

/** One read of a shard: its records, and where the next read starts (none when the shard is closed). */
export interface StreamRead {
  records: StreamRecord[];
  next: string | undefined;
}

/**
 * The main table's stream, read through the DynamoDB Streams API as the
 * Lambda event source reads it on AWS (locally, against DynamoDB Local):
 * its shards, an iterator at a shard's start, and one batch at a time.
 */
export function mainTableStream(tableName: string, client: TableClient, endpoint: string) {
  const streams = new DynamoDBStreamsClient({
    region: 'local',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let streamArn: string | undefined;

  return {
    /** The ids of the stream's shards (none while the table has no stream). */
    async shards(): Promise<string[]> {
      streamArn ??= (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table
        ?.LatestStreamArn;
      if (!streamArn) return [];
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      return (out.StreamDescription?.Shards ?? []).map((s) => s.ShardId ?? '').filter(Boolean);
    },
    /** An iterator at the oldest record the shard still holds. */
    async start(shardId: string): Promise<string | undefined> {
      const got = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      return got.ShardIterator;
    },
    /** Up to 1,000 records from an iterator. */
    async read(iterator: string): Promise<StreamRead> {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      return { records: out.Records ?? [], next: out.NextShardIterator };
    },
    destroy: () => streams.destroy(),
  };
}
export type MainTableStream = ReturnType<typeof mainTableStream>;

/** Whether a read failed because its iterator expired (it must start again from a fresh one). */
export const iteratorExpired = (err: unknown) => err instanceof ExpiredIteratorException;
