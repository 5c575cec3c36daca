/**
 * `npm run bench`: the speed and memory targets, measured in-process against
 * DynamoDB Local (so the figures are the app's own cost plus a local database
 * round trip, not AWS's). Prints a table and exits non-zero if a target is missed.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { createApp } from '../../shared/app';
import { loadConfig, tableNames } from '../../shared/config/env';
import { createDynamoClient } from '../../shared/data/client';
import { ensureTables } from '../../shared/data/ensure-table';
import { seedDemo } from '../../shared/demo/seed';
import { createDeps } from '../../shared/deps';
import { startDynamoLocal } from '../../shared/local/dynamodb-local';
import { meterWrites } from './capacity';
import { measureColdStart } from './cold-start';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

async function timed(n: number, concurrency: number, fn: (i: number) => Response | Promise<Response>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        const res = await fn(i);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status >= 300) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), perSecond: n / seconds, failures };
}

const dynamo = await startDynamoLocal({ port: 0 });
try {
  const config = loadConfig({
    TABLE_NAME: `bench-${randomBytes(4).toString('hex')}`,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CODE_HASH_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_BASE_URL: 'http://bench.invalid',
    LOG_LEVEL: 'silent',
    // The bench measures the submission path, not the flood brake.
    FLOOD_BURST: '100000',
  });
  const client = createDynamoClient({ region: 'local', endpoint: dynamo.endpoint });
  await ensureTables(client, tableNames(config));
  const deps = createDeps(config);
  const meter = meterWrites(deps.db);
  const app = createApp(deps);
  const demo = await seedDemo(deps, 'http://bench');
  const formPath = new URL(demo.lines.find((l) => l.includes('/f/'))?.match(/http\S+/)?.[0] ?? '').pathname;
  const token = formPath.split('/')[2] ?? '';

  const page = await app.request(formPath);
  const pageBytes = Buffer.byteLength(await page.text());
  await timed(50, 5, () => app.request(formPath)); // warm-up: JIT and connection pool
  const render = await timed(300, 1, () => app.request(formPath));
  const submitN = 400;
  let submit: Awaited<ReturnType<typeof timed>> | undefined;
  const opinionCost = await meter.measure(async () => {
    submit = await timed(submitN, 4, (i) =>
      app.request(`/api/public/rounds/${token}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          submissionId: randomBytes(16).toString('base64url'),
          about: ['work'],
          problems: ['discipline'],
          opinion: `基准测试意见 ${i}，车间加班安排需要改进。`,
        }),
      }),
    );
  });
  if (!submit) throw new Error('no submit run');

  // Ballots: mint codes through the API as the demo leader, then cast each once.
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader1', password: 'Demo-2026-xjx' }),
  });
  const { token: bearer, account } = (await login.json()) as {
    token: string;
    account: { scope: { unitId: string } };
  };
  const auth = { authorization: `Bearer ${bearer}` };
  const sessions = (await (
    await app.request(`/api/units/${account.scope.unitId}/review-sessions`, { headers: auth })
  ).json()) as {
    items: { id: string; members: { id: string }[] }[];
  };
  const session = sessions.items[0];
  if (!session) throw new Error('the demo has no review session');
  const minted = (await (
    await app.request(`/api/review-sessions/${session.id}/codes`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ voterGroup: 'mass', count: 300 }),
    })
  ).json()) as { codes: { code: string }[] };
  const grades = Object.fromEntries(session.members.map((m) => [m.id, 'competent']));
  let cast: Awaited<ReturnType<typeof timed>> | undefined;
  const ballotCost = await meter.measure(async () => {
    cast = await timed(minted.codes.length, 4, (i) =>
      app.request(`/api/public/review-sessions/${session.id}/ballots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: minted.codes[i]?.code,
          voterGroup: 'mass',
          requestToken: randomBytes(16).toString('base64url'),
          grades,
          satisfaction: 'satisfied',
        }),
      }),
    );
  });
  if (!cast) throw new Error('no cast run');
  const perOpinion = { requests: opinionCost.requests / submitN, wcu: opinionCost.wcu / submitN };
  const perBallot = {
    requests: ballotCost.requests / minted.codes.length,
    wcu: ballotCost.wcu / minted.codes.length,
  };
  const summary = await timed(50, 5, () =>
    app.request(`/api/units/${account.scope.unitId}/opinions/summary`, { headers: auth }),
  );

  const cold = await measureColdStart(config, formPath, Number(process.env.BENCH_COLD_RUNS ?? 15));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  const memory = process.memoryUsage();
  const rows: [string, string, string, boolean][] = [
    ['opinion form page size', `${(pageBytes / 1024).toFixed(1)} KB`, '≤ 15 KB', pageBytes <= 15 * 1024],
    ['form page render p95', `${render.p95.toFixed(1)} ms`, '≤ 50 ms', render.p95 <= 50],
    ['opinion submit p95 (4 at once)', `${submit.p95.toFixed(1)} ms`, '≤ 250 ms', submit.p95 <= 250],
    ['opinion submits refused', String(submit.failures), '0', submit.failures === 0],
    ['opinion submits per second', submit.perSecond.toFixed(0), '≥ 30', submit.perSecond >= 30],
    ['write requests per opinion', perOpinion.requests.toFixed(2), '1', perOpinion.requests === 1],
    ['write units per opinion (≤ 1 KB)', perOpinion.wcu.toFixed(2), '≤ 1', perOpinion.wcu <= 1],
    ['ballot cast p95 (4 at once)', `${cast.p95.toFixed(1)} ms`, '≤ 200 ms', cast.p95 <= 200],
    ['ballot casts refused', String(cast.failures), '0', cast.failures === 0],
    ['ballot casts per second', cast.perSecond.toFixed(0), '≥ 40', cast.perSecond >= 40],
    ['write requests per ballot', perBallot.requests.toFixed(2), '1', perBallot.requests === 1],
    ['write units per ballot', perBallot.wcu.toFixed(2), '≤ 4', perBallot.wcu <= 4],
    [
      'opinion summary p95 (one aggregate read)',
      `${summary.p95.toFixed(1)} ms`,
      '≤ 500 ms',
      summary.p95 <= 500,
    ],
    [
      `public bundle (floor ${kb(cold.floorBytes)})`,
      kb(cold.publicBytes),
      '≤ floor + 80 KB',
      cold.publicBytes <= cold.floorBytes + 80 * 1024,
    ],
    [
      `public cold start: import + GET /f/… (floor ${cold.floorMs.toFixed(0)} ms; imports ${cold.publicImportMs.toFixed(0)} vs ${cold.floorImportMs.toFixed(0)} ms; median of ${cold.runs})`,
      `${cold.publicMs.toFixed(0)} ms`,
      '≤ floor + 20 ms',
      cold.publicMs <= cold.floorMs + 20,
    ],
    [
      'heap used after the run',
      `${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
      '≤ 256 MiB',
      memory.heapUsed <= 256 * 2 ** 20,
    ],
  ];
  console.log(
    `\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, DynamoDB Local in memory\n`,
  );
  console.log('| measure | result | target | met |\n|---|---|---|---|');
  for (const [name, value, target, met] of rows)
    console.log(`| ${name} | ${value} | ${target} | ${met ? 'yes' : 'NO'} |`);
  client.destroy();
  process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
} finally {
  await dynamo.stop();
}
