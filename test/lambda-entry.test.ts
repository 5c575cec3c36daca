import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from './support/test-env';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<{
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}>;

function httpApiEvent(method: string, path: string, body?: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc.execute-api.cn-north-1.amazonaws.com.cn', 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc',
      domainName: 'abc.execute-api.cn-north-1.amazonaws.com.cn',
      domainPrefix: 'abc',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '25/Nov/2026:10:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    isBase64Encoded: false,
    ...(body ? { body } : {}),
  };
}

describe('the Lambda entry (functions/api.ts)', () => {
  let handler: Handler;
  beforeAll(async () => {
    const { config } = await createTestContext();
    // The entry reads its environment at cold start, as on Lambda.
    for (const [k, v] of Object.entries(config)) process.env[k] = String(v);
    process.env.LOG_LEVEL = 'silent';
    ({ handler } = (await import('../functions/api')) as unknown as { handler: Handler });
  });

  it('answers an HTTP API v2 event for /healthz', async () => {
    const res = await handler(httpApiEvent('GET', '/healthz'), {} as Context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    expect(res.headers?.['x-request-id']).toBeTruthy();
  });

  it('answers an unknown API route with the JSON error model', async () => {
    const res = await handler(httpApiEvent('POST', '/api/unknown', '{"a":1}'), {} as Context);
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe('NOT_FOUND');
  });
});
