import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import { getOpinionCounts } from '../shared/data/repos/opinion-aggregates';
import { createTestContext, type TestContext } from './support/test-env';

type Handler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

const record = (seq: number, unitId: string) => ({
  eventID: `e${seq}`,
  eventName: 'INSERT' as const,
  eventSource: 'aws:dynamodb',
  eventSourceARN: 'arn:aws:dynamodb:cn-north-1:123456789012:table/t/stream/2026-11-26T00:00:00.000',
  dynamodb: {
    SequenceNumber: String(seq),
    // Lambda's images are plain DynamoDB JSON.
    NewImage: marshall({
      ...keys.opinion('rL', `S${seq}`),
      roundId: 'rL',
      unitId,
      formVersion: 1,
      day: '2026-11-26',
      about: [],
      focus: [],
      problems: ['discipline'],
      opinion: '意见',
      suggestion: '',
      answers: {},
      receipt: 'R',
      contentHash: 'h',
    }) as never,
  },
});

describe('the aggregator Lambda entry (functions/aggregator.ts)', () => {
  let t: TestContext;
  let handler: Handler;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent' });
    // The entry reads its environment at cold start, as on Lambda.
    for (const [k, v] of Object.entries(t.config)) if (v !== undefined) process.env[k] = String(v);
    process.env.BALLOT_BOX_TABLE_NAME = t.deps.ballotBoxTableName;
    ({ handler } = (await import('../functions/aggregator')) as unknown as { handler: Handler });
  });

  it('folds a batch into the counts and reports no failures', async () => {
    const event = { Records: [record(1, 'uL'), record(2, 'uL'), record(3, 'uL')] } as DynamoDBStreamEvent;
    expect(await handler(event, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(await handler(event, {} as Context)).toEqual({ batchItemFailures: [] });
    expect(await getOpinionCounts(t.deps, 'uL')).toMatchObject({ total: 3, p_discipline: 3 });
  });

  it('reports exactly the records whose counts could not be written', async () => {
    // A unit id too long for a DynamoDB key: its aggregate write fails, the other unit's goes in.
    const bad = 'x'.repeat(2100);
    const event = { Records: [record(10, 'uM'), record(11, bad), record(12, 'uM')] } as DynamoDBStreamEvent;
    const res = await handler(event, {} as Context);
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: '11' }]);
    expect(await getOpinionCounts(t.deps, 'uM')).toMatchObject({ total: 2 });
  });
});
