import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Every figure `npm run bench` promises (BENCHMARKS.md), by the name it has in results.json. */
const promised = [
  'opinion_http_vs_raw_put',
  'ballot_http_vs_raw_tx',
  'opinion_inprocess_vs_raw_put',
  'ballot_inprocess_vs_raw_tx',
  'inprocess_refused',
  'opinion_requests',
  'opinion_wcu',
  'ballot_requests',
  'ballot_wcu',
  'aggregator_wcu_per_item',
  'dashboard_reads_10',
  'dashboard_reads_1000',
  'dashboard_reads_10000',
  'bundle_kb_public',
  'cold_ms_public',
  'bundle_kb_sdk_only',
  'cold_ms_sdk_only',
  'cold_ms_baseline',
  'burst_lost',
  'burst_duplicated',
  'burst_live_equals_recount',
  'burst_p50_ms',
  'burst_p99_ms',
  'burst_rss_mb',
  'form_page_bytes',
  'warm_rss_mb_100',
  'warm_rss_mb_5000',
  'warm_rss_growth_mb',
  'warm_refused',
  'console_requests_unit_page',
  'console_requests_campaign_13',
  'console_requests_campaign_130',
  'console_requests_campaign_1300',
];

/**
 * The benchmark at smoke sizes, so it keeps working: every figure is written,
 * and the correctness figures (one request per submission, nothing lost or
 * doubled, counts equal to a recount) hold. Speed is judged by people, in
 * full runs, not here.
 */
describe('npm run bench --smoke', () => {
  it('writes every figure to its results file, the correctness ones met', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    try {
      const out = join(dir, 'results.json');
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'test/bench/run.ts', '--smoke', '--out', out],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      expect(stdout).toContain('| figure | value | target | met |');
      const results = JSON.parse(readFileSync(out, 'utf8')) as {
        smoke: boolean;
        machine: { cpus: number };
        figures: Record<string, { value: number | boolean; met?: boolean; kind: string }>;
      };
      expect(results.smoke).toBe(true);
      expect(results.machine.cpus).toBeGreaterThan(0);
      for (const name of promised) {
        const f = results.figures[name];
        expect(f, name).toBeDefined();
        if (typeof f?.value === 'number') expect(Number.isFinite(f.value), name).toBe(true);
      }
      const failed = Object.entries(results.figures).filter(([, f]) => f.kind === 'correctness' && !f.met);
      expect(failed.map(([n]) => n)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
