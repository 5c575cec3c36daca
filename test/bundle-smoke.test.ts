import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../shared/data/client';
import { getOpinionCounts } from '../shared/data/repos/opinion-aggregates';
import { allOpinions } from '../shared/data/repos/opinions';
import { testPassword } from './support/api';
import { type HttpResult, httpApiEvent, streamEvent } from './support/lambda-events';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { marks, mint, openSession, requestToken, toAppraisal } from './support/review-fixture';
import { buildForTest, invokeInFreshProcess, lambdaEnv } from './support/run-bundle';
import { createTestContext, type TestContext } from './support/test-env';

/** Every record on the main table's stream so far, shaped as Lambda delivers them. */
async function streamRecords(t: TestContext): Promise<DynamoDBRecord[]> {
  const endpoint = t.config.DYNAMODB_ENDPOINT ?? '';
  const client = createDynamoClient({ region: 'local', endpoint });
  const streams = new DynamoDBStreamsClient({
    region: 'local',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const arn = (await client.send(new DescribeTableCommand({ TableName: t.config.TABLE_NAME }))).Table
    ?.LatestStreamArn;
  const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription
    ?.Shards;
  const records: DynamoDBRecord[] = [];
  for (const shard of shards ?? []) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: arn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    while (iterator) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      for (const r of out.Records ?? []) {
        const { ApproximateCreationDateTime, ...dynamodb } = r.dynamodb ?? {};
        records.push({
          ...r,
          eventSourceARN: arn,
          dynamodb: {
            ...dynamodb,
            // Lambda's event gives epoch seconds where the SDK gives a Date.
            ApproximateCreationDateTime: Math.floor((ApproximateCreationDateTime?.getTime() ?? 0) / 1000),
          },
        } as DynamoDBRecord);
      }
      if ((out.Records ?? []).length === 0) break;
      iterator = out.NextShardIterator;
    }
  }
  client.destroy();
  streams.destroy();
  return records;
}

const form = 'application/x-www-form-urlencoded';
const json = 'application/json';

describe('the bundles as CDK builds them, in a fresh Node process, against DynamoDB Local', () => {
  let t: TestContext;
  let f: OrgFixture;
  let dir = '';
  const bundles: Record<string, string> = {};
  const contents: Record<string, string[]> = {};
  let session: { id: string; members: { id: string }[] };
  let codes: string[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    f = await orgFixture(t);
    await toAppraisal(t, f, f.ids.u1);
    session = await openSession(t, f.tokens.leader, f.ids.u1);
    codes = await mint(t, f.tokens.leader, session.id, 'member', 2);
    for (const name of ['public', 'console', 'aggregator'] as const) {
      const built = await buildForTest(name, dir || undefined);
      dir = dirname(dirname(built.file));
      bundles[name] = built.file;
      // What esbuild really put in (a module tree-shaken to nothing does not count).
      contents[name] = Object.values(built.metafile.outputs).flatMap((o) =>
        Object.entries(o.inputs)
          .filter(([, v]) => v.bytesInOutput > 0)
          .map(([k]) => k),
      );
    }
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('public holds nothing the masses do not use; the aggregator holds no Hono', () => {
    const inPublic = contents.public ?? [];
    expect(inPublic.length).toBeGreaterThan(20);
    for (const heavy of [
      /exceljs|jszip|qrcode|pngjs/,
      /zod-openapi|zod-to-openapi/,
      /shared\/(routes\/(api|console)|views\/console|usecases\/export)/,
      /client-secrets-manager/,
    ]) {
      expect(inPublic.filter((i) => heavy.test(i))).toEqual([]);
    }
    // zh-CN, and English, which zod itself sets as its default.
    expect(inPublic.filter((i) => i.includes('zod/v4/locales/')).sort()).toEqual([
      'node_modules/zod/v4/locales/en.js',
      'node_modules/zod/v4/locales/zh-CN.js',
    ]);
    expect((contents.aggregator ?? []).filter((i) => i.includes('node_modules/hono/'))).toEqual([]);
  });

  it('public: health, the opinion form, an opinion by form and by JSON, a ballot, a receipt look-up', async () => {
    const round = f.ids.r1;
    const { results } = await invokeInFreshProcess<HttpResult>(
      bundles.public ?? '',
      [
        httpApiEvent('GET', '/healthz'),
        httpApiEvent('GET', `/f/${round}`),
        httpApiEvent('POST', `/f/${round}/send`, {
          contentType: form,
          body: new URLSearchParams({
            submissionId: 'SMOKEFORM000000000000A',
            opinion: '冒烟测试意见：表单',
          }).toString(),
        }),
        httpApiEvent('POST', `/api/public/rounds/${round}/opinions`, {
          contentType: json,
          body: JSON.stringify({ submissionId: 'SMOKEJSON000000000000A', opinion: '冒烟测试意见：JSON' }),
        }),
        httpApiEvent('POST', `/api/public/review-sessions/${session.id}/ballots`, {
          contentType: json,
          body: JSON.stringify({
            code: codes[0],
            voterGroup: 'member',
            requestToken: requestToken(),
            ...marks(session.members),
          }),
        }),
        httpApiEvent('GET', `/b/${codes[0]}`, { headers: { accept: 'text/html' } }),
        httpApiEvent('GET', `/f/${round}/receipt`, { query: 'r=ZZZZ-ZZZZ' }),
        httpApiEvent('GET', `/f/${round}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }),
        httpApiEvent('GET', '/favicon.ico'),
      ],
      lambdaEnv(t.config),
    );
    const [health, page, sent, sentJson, ballot, used, receipt, gzipped, icon] = results.map(
      (r) => r.response,
    );
    expect(health?.statusCode).toBe(200);
    expect(JSON.parse(health?.body ?? '{}')).toEqual({ status: 'ok' });
    expect(page?.statusCode).toBe(200);
    expect(page?.body).toContain('name="submissionId"');
    expect(page?.headers?.['content-security-policy']).toContain("default-src 'self'");
    // Post/Redirect/Get: the thanks page's own address carries the receipt.
    expect(sent?.statusCode).toBe(303);
    expect(sent?.headers?.location).toMatch(new RegExp(`^/f/${round}/sent\\?r=[0-9A-Z]{4}-[0-9A-Z]{4}$`));
    expect(sentJson?.statusCode).toBe(201);
    expect(ballot?.statusCode).toBe(201);
    expect(used?.statusCode).toBe(409);
    expect(receipt?.statusCode).toBe(200);
    expect(receipt?.body).toContain('没有找到这张回执');
    // API Gateway does not compress: the page is gzipped by the function, base64 on the wire.
    expect(gzipped?.headers?.['content-encoding']).toBe('gzip');
    expect(gzipped?.isBase64Encoded).toBe(true);
    expect(gunzipSync(Buffer.from(gzipped?.body ?? '', 'base64')).toString()).toContain(
      'name="submissionId"',
    );
    expect(icon?.statusCode).toBe(200);
    expect(icon?.headers?.['content-type']).toBe('image/svg+xml');
    // What the handler acknowledged is in the tables.
    const stored = await allOpinions(t.deps, f.ids.u1, round);
    expect(stored.map((o) => o.opinion).sort()).toEqual(['冒烟测试意见：JSON', '冒烟测试意见：表单']);
  }, 60_000);

  it('console: health, the sign-in page, and a sign-in through the API', async () => {
    const { results } = await invokeInFreshProcess<HttpResult>(
      bundles.console ?? '',
      [
        httpApiEvent('GET', '/healthz'),
        httpApiEvent('GET', '/console/login', { headers: { accept: 'text/html' } }),
        httpApiEvent('POST', '/api/auth/login', {
          contentType: json,
          body: JSON.stringify({ username: 'admin', password: testPassword }),
        }),
      ],
      lambdaEnv(t.config, { SESSION_SECRET: t.config.SESSION_SECRET }),
    );
    const [health, login, signedIn] = results.map((r) => r.response);
    expect(health?.statusCode).toBe(200);
    expect(login?.statusCode).toBe(200);
    expect(login?.body).toContain('登录');
    expect(signedIn?.statusCode).toBe(200);
    expect(JSON.parse(signedIn?.body ?? '{}').token).toMatch(/\w+\.\w+/);
  }, 60_000);

  it('aggregator: the stream records of the opinions become the live counts', async () => {
    const records = (await streamRecords(t)).filter((r) => r.dynamodb?.NewImage?.receipt);
    expect(records.length).toBeGreaterThanOrEqual(2);
    const { results } = await invokeInFreshProcess<{ batchItemFailures: unknown[] }>(
      bundles.aggregator ?? '',
      [streamEvent(records), streamEvent(records)],
      lambdaEnv(t.config),
    );
    expect(results.map((r) => r.response)).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    // Delivered twice, counted once.
    expect((await getOpinionCounts(t.deps, f.ids.u1))?.total).toBe(records.length);
  }, 60_000);
});
