import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunction } from '../../cdk/build-function';
import type { Config } from '../../shared/config/env';
import { type HttpResult, httpApiEvent } from '../support/lambda-events';
import { buildForTest, invokeInFreshProcess, lambdaEnv, scratchDir } from '../support/run-bundle';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export interface ColdStart {
  publicBytes: number;
  floorBytes: number;
  /** Import plus first request, median. */
  publicMs: number;
  floorMs: number;
  /** The import alone, median (the rest is the first request). */
  publicImportMs: number;
  floorImportMs: number;
  /** Hono + the DynamoDB client + document client + zod, one route: built with the same settings as ours. */
  baselineBytes: number;
  baselineMs: number;
  runs: number;
}

/**
 * The `public` bundle as CDK builds it against the baseline (a naive
 * one-route Hono function with the DynamoDB client and zod) and the floor (a
 * bundle that only creates the DynamoDB document client and sends one
 * PutItem), all three built with the same settings. Each run is a fresh Node process: import, then the first
 * request (`GET /f/{token}` for ours and the baseline, the PutItem for the
 * floor). The three alternate, so drift on a noisy machine falls on all;
 * medians are reported.
 */
export async function measureColdStart(config: Config, formPath: string, runs: number): Promise<ColdStart> {
  const dir = scratchDir('bench-');
  try {
    const ours = await buildForTest('public', dir);
    const floorFile = join(dir, 'floor', 'index.mjs');
    const floor = await buildFunction('test/bench/floor.ts', floorFile);
    const baselineFile = join(dir, 'baseline', 'index.mjs');
    const baselineBytes = (await buildFunction('test/bench/baseline.ts', baselineFile)).bytes;
    const baselineMs: number[] = [];
    const env = lambdaEnv(config, { LOG_LEVEL: 'silent' });
    const publicMs: number[] = [];
    const floorMs: number[] = [];
    const publicImportMs: number[] = [];
    const floorImportMs: number[] = [];
    const first = (r: { importMs: number; results: { ms: number }[] }) =>
      r.importMs + (r.results[0]?.ms ?? 0);
    for (let i = 0; i < runs; i++) {
      const page = await invokeInFreshProcess<HttpResult>(ours.file, [httpApiEvent('GET', formPath)], env);
      if (page.results[0]?.response.statusCode !== 200)
        throw new Error('the public bundle did not serve the form');
      publicMs.push(first(page));
      publicImportMs.push(page.importMs);
      const put = await invokeInFreshProcess(floorFile, [{}], env);
      floorMs.push(first(put));
      floorImportMs.push(put.importMs);
      const plain = await invokeInFreshProcess<HttpResult>(
        baselineFile,
        [httpApiEvent('GET', formPath)],
        env,
      );
      if (plain.results[0]?.response.statusCode !== 200) throw new Error('the baseline did not serve');
      baselineMs.push(first(plain));
    }
    return {
      publicBytes: ours.bytes,
      floorBytes: floor.bytes,
      publicMs: median(publicMs),
      floorMs: median(floorMs),
      publicImportMs: median(publicImportMs),
      floorImportMs: median(floorImportMs),
      baselineBytes,
      baselineMs: median(baselineMs),
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
