import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildFunction } from '../../cdk/build-function';
import { functionEntries } from '../../cdk/bundling';
import type { Config } from '../../shared/config/env';

const run = promisify(execFile);
const invoker = resolve('test/support/invoke-bundle.mjs');

/**
 * Builds a function's bundle as CDK does, under `dist/` (inside the project,
 * so the SDK, which the Lambda runtime provides and the bundle leaves out,
 * resolves from node_modules as it would from the runtime).
 */
export async function buildForTest(name: keyof typeof functionEntries, dir?: string) {
  const out = dir ?? scratchDir('test-');
  const file = join(out, name, 'index.mjs');
  const { bytes, metafile } = await buildFunction(functionEntries[name], file);
  return { file, bytes, metafile };
}

/** A fresh folder under `dist/` (created on a fresh clone, where `dist/` does not exist yet). */
export function scratchDir(prefix: string): string {
  mkdirSync(resolve('dist'), { recursive: true });
  return mkdtempSync(resolve('dist', prefix));
}

/** The environment a function gets, as on Lambda but pointing at DynamoDB Local; nothing else leaks in. */
export function lambdaEnv(config: Config, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: config.DYNAMODB_ENDPOINT ?? '',
    TABLE_NAME: config.TABLE_NAME,
    BALLOT_BOX_TABLE_NAME: config.BALLOT_BOX_TABLE_NAME ?? `${config.TABLE_NAME}-ballot-box`,
    CODE_HASH_SECRET: config.CODE_HASH_SECRET,
    PUBLIC_BASE_URL: config.PUBLIC_BASE_URL,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export interface Invocation<R> {
  importMs: number;
  results: { ms: number; response: R }[];
}

/** Imports `bundle` in a fresh Node process and hands it `events` one by one. */
export async function invokeInFreshProcess<R>(
  bundle: string,
  events: unknown[],
  env: Record<string, string>,
): Promise<Invocation<R>> {
  const eventsFile = `${bundle}.events-${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
  writeFileSync(eventsFile, JSON.stringify(events));
  const { stdout } = await run(process.execPath, [invoker, bundle, eventsFile], {
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Invocation<R>;
}
