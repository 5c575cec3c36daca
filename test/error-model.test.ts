import { createRoute, z } from '@hono/zod-openapi';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../shared/app-console';
import { createTestContext, type TestContext } from './support/test-env';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

const echo = createRoute({
  method: 'post',
  path: '/api/test/echo',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.strictObject({ name: z.string().min(1), items: z.array(z.number().int()).max(3) }),
        },
      },
    },
  },
  responses: { 200: { description: 'echo' } },
});

describe('the error model', () => {
  let t: TestContext;
  let app: ReturnType<typeof createConsoleApp>;
  beforeAll(async () => {
    t = await createTestContext({ BODY_LIMIT_BYTES: '2048' });
    // The console's app, with two routes of the test's own added.
    app = createConsoleApp(t.deps);
    app.openapi(echo, (c) => c.json(c.req.valid('json'), 200));
    app.get('/api/test/boom', () => {
      throw new Error('ConditionalCheckFailed: secret SDK detail arn:aws:dynamodb:xyz');
    });
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    app.request('/api/test/echo', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ name: 'a', items: [1] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'a', items: [1] });
  });

  it('rejects invalid fields with 400 and their paths', async () => {
    const res = await post(JSON.stringify({ name: '', items: [1, 1.5] }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['items.1', 'name']);
  });

  it('rejects unknown fields', async () => {
    const res = await post(JSON.stringify({ name: 'a', items: [], role: 'admin' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers malformed JSON with a 400 in the error model', async () => {
    const res = await post('{"name": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('BAD_REQUEST');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(5000), items: [] }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await app.request('/api/nothing-here', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await res.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('answers an unknown page with a Chinese 404 page', async () => {
    const res = await app.request('/no/such/page', { headers: { accept: 'text/html,*/*' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('页面不存在');
  });

  it('hides unexpected errors behind a 500 with the request id only', async () => {
    const res = await app.request('/api/test/boom');
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const text = await res.text();
    expect(text).not.toMatch(/secret|arn:aws|ConditionalCheck|at .*\.ts/);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toContain(requestId);
    // The log gets the error's name and where it was thrown, tied to the same request id; not its
    // message, which can quote input (a key, a path value).
    const line = t.logs.find((l) => l.includes('unhandled error') && l.includes(requestId ?? '?')) ?? '';
    expect(line).toMatch(/"stack":"\s*at /);
    expect(t.logs.join('\n')).not.toContain('secret SDK detail');
  });

  it('puts a request id on every response', async () => {
    for (const path of ['/healthz', '/api/nothing', '/nothing', '/f/nothing', '/api/public/nothing']) {
      const res = await t.app.request(path);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('never logs the request path, only the route pattern', async () => {
    await t.app.request('/b/SECRET-CODE-1234');
    const line = t.logs.find((l) => l.includes('"status":404') && l.includes('"route"'));
    expect(line).toBeDefined();
    expect(t.logs.join('\n')).not.toContain('SECRET-CODE-1234');
  });
});
