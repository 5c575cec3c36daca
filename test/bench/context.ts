import { randomBytes } from 'node:crypto';
import { createApp } from '../../shared/app';
import { type Config, loadConfig, tableNames } from '../../shared/config/env';
import { createDynamoClient } from '../../shared/data/client';
import { ensureTables } from '../../shared/data/ensure-table';
import { demoPassword } from '../../shared/demo/campaign';
import { seedDemo } from '../../shared/demo/seed';
import { createDeps, type Deps } from '../../shared/deps';
import type { RunningDynamo } from '../../shared/local/dynamodb-local';

/** What every figure of the benchmark runs against: one table on DynamoDB Local, the app, the demo. */
export interface BenchContext {
  config: Config;
  deps: Deps;
  client: ReturnType<typeof createDynamoClient>;
  app: ReturnType<typeof createApp>;
  /** The demo's open opinion form (`/f/{token}`) and its token. */
  formPath: string;
  token: string;
  /** A demo leader's bearer token and unit. */
  bearer: string;
  unitId: string;
}

/** Signs a demo account in through the API: its bearer token and scope. */
export async function signIn(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  username: string,
) {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  return (await res.json()) as { token: string; account: { scope: { unitId: string } } };
}

/** A fresh table (random name) with the demo in it, on an already running DynamoDB Local. */
export async function benchContext(dynamo: RunningDynamo, overrides: Record<string, string> = {}) {
  const config = loadConfig({
    TABLE_NAME: `bench-${randomBytes(4).toString('hex')}`,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CODE_HASH_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_BASE_URL: 'http://bench.invalid',
    LOG_LEVEL: 'silent',
    // The bench measures the submission path, not the flood brake.
    FLOOD_BURST: '1000000',
    FLOOD_PER_SECOND: '1000000',
    ...overrides,
  });
  const client = createDynamoClient({ region: 'local', endpoint: dynamo.endpoint });
  await ensureTables(client, tableNames(config));
  const deps = createDeps(config);
  const app = createApp(deps);
  const demo = await seedDemo(deps, 'http://bench');
  const formPath = new URL(demo.lines.find((l) => l.includes('/f/'))?.match(/http\S+/)?.[0] ?? '').pathname;
  const { token: bearer, account } = await signIn(app, 'leader1');
  return {
    config,
    deps,
    client,
    app,
    formPath,
    token: formPath.split('/')[2] ?? '',
    bearer,
    unitId: account.scope.unitId,
  } satisfies BenchContext;
}

/** An opinion as the JSON API takes it, unique per call. */
export const opinionBody = (i: number) =>
  JSON.stringify({
    submissionId: randomBytes(16).toString('base64url'),
    about: ['work'],
    problems: ['discipline'],
    opinion: `基准测试意见 ${i}，车间加班安排需要改进。`,
  });

/** Mints `count` codes of the demo leader's open review session through the API. */
export async function mintReviewCodes(ctx: BenchContext, count: number) {
  const auth = { authorization: `Bearer ${ctx.bearer}` };
  const sessions = (await (
    await ctx.app.request(`/api/units/${ctx.unitId}/review-sessions`, { headers: auth })
  ).json()) as { items: { id: string; members: { id: string }[] }[] };
  const session = sessions.items[0];
  if (!session) throw new Error('the demo has no review session');
  const codes: string[] = [];
  while (codes.length < count) {
    const res = await ctx.app.request(`/api/review-sessions/${session.id}/codes`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        voterGroup: 'mass',
        count: Math.min(500, count - codes.length),
        confirmExcess: true,
      }),
    });
    if (res.status !== 201) throw new Error(`mint failed: ${res.status} ${await res.text()}`);
    codes.push(...((await res.json()) as { codes: { code: string }[] }).codes.map((c) => c.code));
  }
  const grades = Object.fromEntries(session.members.map((m) => [m.id, 'competent']));
  /** A cast of code `i` as the JSON API takes it. */
  const castBody = (code: string) =>
    JSON.stringify({
      code,
      voterGroup: 'mass',
      requestToken: randomBytes(16).toString('base64url'),
      grades,
      satisfaction: 'satisfied',
    });
  return { sessionId: session.id, codes, castBody };
}
