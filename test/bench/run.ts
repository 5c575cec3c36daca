/**
 * `npm run bench`: the benchmark's figures (see BENCHMARKS.md), each measured
 * in the same run as its reference, against DynamoDB Local on this machine.
 * Prints a table and writes `bench/results.json` (or `--out <file>`).
 *
 * `--smoke` runs a few operations per figure (CI runs it, so the benchmark
 * keeps working): speed and memory targets are not judged at that size,
 * correctness ones are. A full run exits 1 when any target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { startDynamoLocal } from '../../shared/local/dynamodb-local';
import { aggregation } from './aggregation';
import { burst } from './burst';
import { meterWrites } from './capacity';
import { measureColdStart } from './cold-start';
import { consoleRequests } from './console-requests';
import { benchContext, mintReviewCodes, opinionBody } from './context';
import { atLeast, atMost, exactly, type Figures, info, table } from './figures';
import { httpVsRaw, inProcessVsRaw } from './throughput';
import { warmMemory } from './warm-memory';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const smoke = process.argv.includes('--smoke');
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? (process.argv[outAt + 1] ?? '') : 'bench/results.json';
const size = smoke
  ? {
      n: 20,
      concurrency: 4,
      rounds: 1,
      capacity: 10,
      dashboard: [10, 30, 60],
      cold: 2,
      burst: 20,
      clients: 10,
      warm: [20, 60],
      campaign: [13, 130, 260],
    }
  : {
      n: 200,
      concurrency: 16,
      rounds: 9,
      capacity: 100,
      dashboard: [10, 1000, 10000],
      cold: 15,
      burst: 2000,
      clients: 100,
      warm: [100, 5000],
      campaign: [13, 130, 1300],
    };

const log = (step: string) => console.error(`[bench] ${new Date().toISOString().slice(11, 19)} ${step}`);
const dynamo = await startDynamoLocal({ port: 0 });
const figures: Figures = {};
try {
  // 1, 2: throughput through HTTP against raw writes of the same items.
  log('throughput: HTTP against raw writes');
  let ctx = await benchContext(dynamo);
  const tp = await httpVsRaw(ctx, size);
  // Through Node's HTTP server and client, sharing the cores with DynamoDB Local: information only.
  figures.opinion_http_vs_raw_put = info(tp.opinion.ratio, '', 2);
  figures.ballot_http_vs_raw_tx = info(tp.ballot.ratio, '', 2);
  figures.opinion_http_per_s = info(tp.opinion.http.perSecond, '/s', 0);
  figures.opinion_raw_put_per_s = info(tp.opinion.raw.perSecond, '/s', 0);
  figures.ballot_http_per_s = info(tp.ballot.http.perSecond, '/s', 0);
  figures.ballot_raw_tx_per_s = info(tp.ballot.raw.perSecond, '/s', 0);
  figures.http_refused = exactly(tp.opinion.http.failures + tp.ballot.http.failures, 0);
  ctx.client.destroy();

  // 1, 2 as Lambda runs it: each submission an HTTP API event handed to the app's Lambda handler.
  log('throughput: in process, as Lambda runs it, against raw writes');
  ctx = await benchContext(dynamo);
  const ip = await inProcessVsRaw(ctx, size);
  figures.opinion_inprocess_vs_raw_put = atLeast(ip.opinion.ratio, 0.9);
  figures.ballot_inprocess_vs_raw_tx = atLeast(ip.ballot.ratio, 0.9);
  figures.opinion_inprocess_per_s = info(ip.opinion.http.perSecond, '/s', 0);
  figures.ballot_inprocess_per_s = info(ip.ballot.http.perSecond, '/s', 0);
  figures.inprocess_refused = exactly(ip.opinion.http.failures + ip.ballot.http.failures, 0);
  ctx.client.destroy();

  // 3: write requests and capacity per submission; 8: the form page as served.
  log('capacity per submission');
  ctx = await benchContext(dynamo);
  const meter = meterWrites(ctx.deps.db);
  const opinions = await meter.measure(async () => {
    for (let i = 0; i < size.capacity; i++) {
      const res = await ctx.app.request(`/api/public/rounds/${ctx.token}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: opinionBody(i),
      });
      if (res.status !== 201) throw new Error(`opinion: ${res.status}`);
    }
  });
  const minted = await mintReviewCodes(ctx, size.capacity);
  const ballots = await meter.measure(async () => {
    for (const code of minted.codes) {
      const res = await ctx.app.request(`/api/public/review-sessions/${minted.sessionId}/ballots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: minted.castBody(code),
      });
      if (res.status !== 201) throw new Error(`ballot: ${res.status}`);
    }
  });
  figures.opinion_requests = exactly(opinions.requests / size.capacity, 1);
  figures.opinion_wcu = atMost(opinions.wcu / size.capacity, 1, 'WCU', 2, 'correctness');
  figures.ballot_requests = exactly(ballots.requests / size.capacity, 1);
  figures.ballot_wcu = atMost(ballots.wcu / size.capacity, 4, 'WCU', 2, 'correctness');
  const page = await ctx.app.request(ctx.formPath);
  figures.form_page_bytes = atMost(
    Buffer.byteLength(await page.text()),
    15 * 1024,
    'bytes',
    0,
    'correctness',
  );

  // 4, 5: the aggregator's writes per opinion; the dashboard's reads at three sizes.
  log(`aggregation and dashboard at ${size.dashboard.join(', ')} opinions`);
  const agg = await aggregation(ctx, meter, size.dashboard);
  // Size-dependent (fewer records per batch at smoke sizes), so judged in full runs only.
  figures.aggregator_wcu_per_item = atMost(agg.aggregatorWcuPerItem, 0.05, 'WCU', 4);
  const names = ['dashboard_reads_10', 'dashboard_reads_1000', 'dashboard_reads_10000'];
  size.dashboard.forEach((n, i) => {
    figures[names[i] ?? `dashboard_reads_${n}`] = atMost(
      agg.dashboard[n]?.reads ?? Number.NaN,
      3,
      'reads',
      0,
      'correctness',
    );
  });
  const reads = size.dashboard.map((n) => agg.dashboard[n]?.reads);
  figures.dashboard_reads_equal = exactly(new Set(reads).size === 1, true);
  size.dashboard.forEach((n, i) => {
    figures[`opinion_list_reads_${['10', '1000', '10000'][i]}`] = info(
      agg.dashboard[n]?.pageReads ?? Number.NaN,
      'reads',
      0,
    );
  });
  figures.aggregate_equals_recount = exactly(agg.liveEqualsRecount, true);

  // 10: console pages' DynamoDB commands, exact: a unit page, the office's campaign page at three sizes.
  log(`console requests: the unit page; the campaign page at ${size.campaign.join(', ')} units`);
  const cr = await consoleRequests(ctx, size.campaign);
  figures.console_requests_unit_page = atMost(cr.unitPage, 6, 'requests', 0, 'correctness');
  size.campaign.forEach((n, i) => {
    figures[`console_requests_campaign_${['13', '130', '1300'][i]}`] = atMost(
      cr.campaign[n] ?? Number.NaN,
      4 + Math.ceil(n / 100),
      'requests',
      0,
      'correctness',
    );
  });

  // 6: the public bundle's size and cold start against the floor and the baseline.
  log('cold start');
  const cold = await measureColdStart(ctx.config, ctx.formPath, size.cold);
  const kb = (b: number) => b / 1024;
  // The SDK is bundled in all three now, so size follows the code: reported; the cold start is the target.
  figures.bundle_kb_public = info(kb(cold.publicBytes), 'KB');
  figures.bundle_kb_sdk_only = info(kb(cold.floorBytes), 'KB');
  figures.bundle_kb_baseline = info(kb(cold.baselineBytes), 'KB');
  figures.cold_ms_public = atMost(cold.publicMs, Math.round(cold.baselineMs + 10), 'ms', 0);
  figures.cold_import_ms_public = info(cold.publicImportMs, 'ms', 0);
  figures.cold_import_ms_sdk_only = info(cold.floorImportMs, 'ms', 0);
  figures.cold_ms_sdk_only = info(cold.floorMs, 'ms', 0);
  figures.cold_ms_baseline = info(cold.baselineMs, 'ms', 0);
  ctx.client.destroy();

  // 7: a burst on one unit against the bundled handler in its own process.
  log(`burst: ${size.burst} ballots and ${size.burst} opinions from ${size.clients} clients`);
  ctx = await benchContext(dynamo);
  const b = await burst(ctx, { each: size.burst, clients: size.clients });
  figures.burst_lost = exactly(b.lost, 0);
  figures.burst_duplicated = exactly(b.duplicated, 0);
  figures.burst_refused = exactly(b.refused, 0);
  figures.burst_live_equals_recount = exactly(b.liveEqualsRecount, true);
  figures.burst_p50_ms = info(b.p50, 'ms', 0);
  figures.burst_p99_ms = info(b.p99, 'ms', 0);
  // 100 requests in flight in one process: what no Lambda instance does (it serves one at a time).
  figures.burst_rss_mb = info(b.rssMb, 'MB', 0);
  figures.public_rss_mb_after_import = info(b.idleRssMb, 'MB', 0);
  ctx.client.destroy();

  // 9: one instance serving requests one at a time, as Lambda runs it, for a long while.
  const [first = 0, total = 0] = size.warm;
  log(`warm memory: ${first} then ${total} requests, one at a time`);
  ctx = await benchContext(dynamo);
  const warm = await warmMemory(ctx, { first, total });
  figures.warm_rss_mb_100 = atMost(warm.afterFirst.rssMb, 128, 'MB', 0);
  figures.warm_rss_mb_5000 = atMost(warm.afterTotal.rssMb, 128, 'MB', 0);
  figures.warm_rss_growth_mb = atMost(warm.afterTotal.rssMb - warm.afterFirst.rssMb, 10, 'MB', 1);
  figures.warm_heap_growth_mb = info(warm.afterTotal.heapUsedMb - warm.afterFirst.heapUsedMb, 'MB', 1);
  figures.warm_refused = exactly(warm.refused, 0);
  ctx.client.destroy();
} finally {
  await dynamo.stop();
}

if (smoke) for (const f of Object.values(figures)) if (f.kind === 'speed') f.met = undefined;
const cpu = os.cpus();
const machine = {
  cpus: cpu.length,
  model: cpu[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  database: 'DynamoDB Local (in memory), same machine',
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ generatedAt: new Date().toISOString(), smoke, size, machine, figures }, null, 2)}\n`,
);
console.log(
  `\nMachine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, Node ${machine.node}${smoke ? ' (smoke sizes)' : ''}\n`,
);
console.log(table(figures));
console.log(`\nWritten to ${out}`);
const missed = Object.entries(figures).filter(([, f]) => f.met === false);
if (missed.length) console.log(`\nMissed: ${missed.map(([n]) => n).join(', ')}`);
process.exitCode = missed.length ? 1 : 0;
