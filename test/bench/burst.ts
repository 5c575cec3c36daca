import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { ballotsOf } from '../../shared/data/repos/ballot-box';
import { getOpinionCounts } from '../../shared/data/repos/opinion-aggregates';
import { allOpinions } from '../../shared/data/repos/opinions';
import { getRound } from '../../shared/data/repos/rounds';
import { Ballot } from '../../shared/domain/review';
import { streamPoller } from '../../shared/local/stream-poller';
import { recountOpinions } from '../../shared/usecases/summarize-opinions';
import { buildForTest, lambdaEnv, scratchDir } from '../support/run-bundle';
import { type BenchContext, mintReviewCodes, opinionBody } from './context';
import { httpClient, quantile } from './load';

/** Starts the bundled `public` handler behind a small HTTP server in its own process. */
export async function serveBundle(ctx: BenchContext, file: string, extraEnv: Record<string, string> = {}) {
  const child = fork(resolve('test/bench/bundle-server.mjs'), [file], {
    // Plain Node, as Lambda runs it: not the bench's own loader (tsx), which fork would pass on.
    execArgv: [],
    env: lambdaEnv(ctx.config, {
      LOG_LEVEL: 'silent',
      FLOOD_BURST: '1000000',
      FLOOD_PER_SECOND: '1000000',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extraEnv,
    }),
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const { port, rssMb } = await new Promise<{ port: number; rssMb: number }>((ok, fail) => {
    child.stdout?.once('data', (d: Buffer) =>
      ok(JSON.parse(d.toString()) as { port: number; rssMb: number }),
    );
    child.once('exit', () => fail(new Error('the bundle server stopped')));
  });
  return { child, port, idleRssMb: rssMb };
}

const peakRss = (child: ChildProcess) =>
  new Promise<number>((ok) => {
    child.once('message', (m) => ok((m as { peakRssMb: number }).peakRssMb));
    child.send('peak');
  });

/**
 * Figure 7: 2,000 ballots and 2,000 opinions for one unit, shuffled, from 100
 * concurrent clients against the bundled `public` handler. Then: every
 * acknowledged submission is stored once, and the live counts equal a
 * recount once the stream is drained.
 */
export async function burst(ctx: BenchContext, opts: { each: number; clients: number }) {
  const dir = scratchDir('bench-burst-');
  const { file } = await buildForTest('public', dir);
  const { child, port, idleRssMb } = await serveBundle(ctx, file);
  const client = httpClient(`http://127.0.0.1:${port}`, opts.clients);
  try {
    const round = await getRound(ctx.deps, ctx.token);
    if (!round) throw new Error('no demo round');
    const minted = await mintReviewCodes(ctx, opts.each);
    const poller = streamPoller(ctx.deps, ctx.client, ctx.config.DYNAMODB_ENDPOINT ?? '');
    await poller.drain();
    const receiptsBefore = {
      opinions: new Set((await allOpinions(ctx.deps, round.unitId)).map((o) => o.receipt)),
      ballots: new Set((await ballotsOf(ctx.deps, minted.sessionId, Ballot)).map((b) => b.receipt)),
    };
    const ops = [
      ...Array.from({ length: opts.each }, (_, i) => ({ kind: 'opinion' as const, i })),
      ...minted.codes.map((code, i) => ({ kind: 'ballot' as const, i, code })),
    ].sort(() => Math.random() - 0.5);
    const acked = { opinions: [] as string[], ballots: [] as string[] };
    const latencies: number[] = [];
    let refused = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        while (next < ops.length) {
          const op = ops[next++];
          if (!op) break;
          const t0 = performance.now();
          const res =
            op.kind === 'opinion'
              ? await client.post(`/api/public/rounds/${ctx.token}/opinions`, opinionBody(op.i))
              : await client.post(
                  `/api/public/review-sessions/${minted.sessionId}/ballots`,
                  minted.castBody(op.code ?? ''),
                );
          latencies.push(performance.now() - t0);
          if (res.status !== 201) {
            refused++;
            continue;
          }
          const { receipt } = JSON.parse(res.body) as { receipt: string };
          (op.kind === 'opinion' ? acked.opinions : acked.ballots).push(receipt);
        }
      }),
    );
    const rssMb = await peakRss(child);
    await poller.drain();
    await poller.stop();
    const stored = {
      opinions: (await allOpinions(ctx.deps, round.unitId))
        .map((o) => o.receipt)
        .filter((r) => !receiptsBefore.opinions.has(r)),
      ballots: (await ballotsOf(ctx.deps, minted.sessionId, Ballot))
        .map((b) => b.receipt)
        .filter((r) => !receiptsBefore.ballots.has(r)),
    };
    const missing = (ack: string[], got: string[]) => {
      const have = new Set(got);
      return ack.filter((r) => !have.has(r)).length;
    };
    const live = await getOpinionCounts(ctx.deps, round.unitId);
    const recount = await recountOpinions(ctx.deps, round.unitId);
    const same = (a: Record<string, number>, b: Record<string, number>) =>
      JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    return {
      requests: ops.length,
      refused,
      lost: missing(acked.opinions, stored.opinions) + missing(acked.ballots, stored.ballots),
      duplicated:
        stored.opinions.length -
        new Set(stored.opinions).size +
        (stored.ballots.length - new Set(stored.ballots).size),
      liveEqualsRecount: same(live, recount),
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      rssMb,
      idleRssMb,
    };
  } finally {
    client.close();
    child.disconnect();
    await import('node:fs').then((fs) => fs.rmSync(dir, { recursive: true, force: true }));
  }
}
