import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../shared/app';
import { loadConfig } from '../shared/config/env';
import { createDeps } from '../shared/deps';
import { freePort } from '../shared/local/free-port';
import { createTestContext, type TestContext, testEnv } from './support/test-env';

describe('GET /healthz', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });

  it('answers 200 when the table answers', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 in the error model when DynamoDB is unreachable', async () => {
    const closedPort = await freePort();
    const deps = createDeps(
      loadConfig(testEnv({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${closedPort}`, LOG_LEVEL: 'silent' })),
    );
    const res = await createApp(deps).request('/healthz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('UNAVAILABLE');
  });
});
