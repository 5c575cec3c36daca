import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { publicNodeOptions } from '../../cdk/bundling';
import { buildForTest, scratchDir } from '../support/run-bundle';
import { serveBundle } from './burst';
import { type BenchContext, mintReviewCodes, opinionBody } from './context';
import { httpClient } from './load';

const memoryOf = (child: ChildProcess) =>
  new Promise<{ rssMb: number; heapUsedMb: number }>((ok) => {
    child.once('message', (m) => ok(m as { rssMb: number; heapUsedMb: number }));
    child.send('rss');
  });

/**
 * Warm memory: one instance of the bundled `public` handler serving requests
 * one at a time, as a Lambda instance does, for `first` and then `total`
 * requests in all — opinions, ballots and form pages in turn — and its
 * resident set and live heap after each (after a full collection: what the
 * instance keeps). What a long-lived instance keeps (caches, the
 * flood brake, leaks) shows as growth between the two.
 */
export async function warmMemory(ctx: BenchContext, opts: { first: number; total: number }) {
  const dir = scratchDir('bench-warm-');
  const { file } = await buildForTest('public', dir);
  // Node's options as CDK gives the function, and a full collection before each reading.
  const { child, port } = await serveBundle(ctx, file, { NODE_OPTIONS: `${publicNodeOptions} --expose-gc` });
  const client = httpClient(`http://127.0.0.1:${port}`, 1);
  try {
    const minted = await mintReviewCodes(ctx, Math.ceil(opts.total / 3));
    let refused = 0;
    const serve = async (i: number) => {
      const kind = i % 3;
      const res =
        kind === 0
          ? await client.post(`/api/public/rounds/${ctx.token}/opinions`, opinionBody(100_000 + i))
          : kind === 1
            ? await client.post(
                `/api/public/review-sessions/${minted.sessionId}/ballots`,
                minted.castBody(minted.codes[Math.floor(i / 3)] ?? ''),
              )
            : await client.get(ctx.formPath);
      if (res.status >= 400) refused++;
    };
    for (let i = 0; i < opts.first; i++) await serve(i);
    const afterFirst = await memoryOf(child);
    for (let i = opts.first; i < opts.total; i++) await serve(i);
    const afterTotal = await memoryOf(child);
    return { afterFirst, afterTotal, refused };
  } finally {
    client.close();
    child.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
