import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createApp } from '../../shared/app';
import { type Config, loadConfig, tableNames } from '../../shared/config/env';
import { createDynamoClient } from '../../shared/data/client';
import { ensureTables } from '../../shared/data/ensure-table';
import { createDeps, type Deps } from '../../shared/deps';
import { type StreamPoller, streamPoller } from '../../shared/local/stream-poller';

/** Refuses anything but a loopback endpoint, so no test can touch a real table. */
export function localEndpoint(): string {
  const endpoint = inject('dynamoEndpoint');
  const host = new URL(endpoint).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`tests only run against DynamoDB Local, not ${endpoint}`);
  }
  return endpoint;
}

/** Environment for a test app: local endpoint, fixed test secrets, a table name of its own. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    TABLE_NAME: `test-${randomUUID()}`,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: localEndpoint(),
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    CODE_HASH_SECRET: 'test-code-hash-secret-0123456789abcdef',
    PUBLIC_BASE_URL: 'https://pingyi.example.cn',
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

export interface TestContext {
  config: Config;
  deps: Deps<Config>;
  app: ReturnType<typeof createApp>;
  /** Every log line the app wrote, for tests that check what logs never hold. */
  logs: string[];
  /** The opinion table's stream, read into the live counts as the aggregator does: `await t.stream.drain()`. */
  stream: StreamPoller;
}

/** A fresh table and an app on it; call once per test file (in `beforeAll`). */
export async function createTestContext(
  overrides: Record<string, string> = {},
  now?: () => Date,
): Promise<TestContext> {
  const config = loadConfig(testEnv(overrides));
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  await ensureTables(client, tableNames(config));
  const logs: string[] = [];
  const deps = createDeps(config, { logSink: (line) => logs.push(line), ...(now ? { now } : {}) });
  const stream = streamPoller(deps, client, config.DYNAMODB_ENDPOINT ?? '');
  return { config, deps, app: createApp(deps), logs, stream };
}
