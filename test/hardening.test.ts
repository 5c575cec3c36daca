import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { startDynamoLocal } from '../shared/local/dynamodb-local';
import { asRecord, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('hardening: headers, request ids, logs, sign-in forms, origins', () => {
  let t: TestContext;
  let round = '';
  let code = '';
  let session = '';
  let unitId = '';

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'debug' });
    const demo = await seedDemo(t.deps, 'http://x');
    round = demo.lines.find((l) => l.includes('/f/'))?.match(/\/f\/([\w-]+)/)?.[1] ?? '';
    code = demo.ballotLinks[0]?.match(/\/b\/([\w-]+)/)?.[1] ?? '';
    const bearer = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    const me = asRecord(
      await (await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${bearer}` } })).json(),
    );
    unitId = String(asRecord(me.scope).unitId);
    const sessions = asRecord(
      await (
        await t.app.request(`/api/units/${unitId}/review-sessions`, {
          headers: { authorization: `Bearer ${bearer}` },
        })
      ).json(),
    );
    session = String(asRecord((sessions.items as unknown[])[0]).id);
  }, 60_000);

  it('sends a CSP without inline script on every kind of page, and the form script from our origin', async () => {
    const html = { accept: 'text/html' };
    const pages = [
      `/f/${round}`,
      '/f/AAAAAAAAAAAAAAAAAAAAAA',
      `/b/${code}`,
      '/b',
      '/console/login',
      '/console/units/nowhere',
      '/nothing-here',
      '/healthz',
      '/docs',
    ];
    for (const path of pages) {
      const res = await t.app.request(path, { headers: html });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'/);
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      const body = await res.text();
      expect(body, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    }
    const form = await (await t.app.request(`/f/${round}`)).text();
    const src = form.match(/<script src="([^"]+)"/)?.[1] ?? '';
    expect(src).toMatch(/^\/assets\//);
    const script = await t.app.request(src);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('pageshow');
  });

  it('makes its own request ids and never logs a client’s id or a path value', async () => {
    const canaryId = 'CANARY-RID-5b1d';
    const canaryPath = 'CANARYPATH7e2c';
    const requests: [string, RequestInit][] = [
      [`/f/${canaryPath}AAAAAAAAAAA`, {}],
      [`/b/${canaryPath}`, {}],
      [`/api/units/${canaryPath}`, {}],
      [
        `/api/public/rounds/${round}/opinions`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ submissionId: 'S'.repeat(22), opinion: canaryPath }),
        },
      ],
      [
        `/api/public/review-sessions/${canaryPath}/ballots`,
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: canaryPath },
      ],
      [`/api/units/${unitId}/opinions?cursor=${canaryPath}`, {}],
      [`/console/review-sessions/${canaryPath}%0D%0AX-Injected:%20yes`, {}],
    ];
    for (const [path, init] of requests) {
      const res = await t.app.request(path, {
        ...init,
        headers: { ...(init.headers ?? {}), 'x-request-id': canaryId },
      });
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('x-request-id'), path).not.toBe(canaryId);
      expect(res.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('x-injected')).toBeNull();
    }
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(canaryId);
    expect(logs).not.toContain(canaryPath);
  });

  it('refuses a sign-in posted from another site or without the form’s token, and sets no session', async () => {
    const crossSite = await t.app.request('/console/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({
        username: demoAccounts.office.username,
        password: demoPassword,
      }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);

    const b = consoleClient(t);
    await b.page('/console/login');
    const forged = await b.post('/console/login', {
      username: demoAccounts.office.username,
      password: demoPassword,
      _csrf: 'forged',
    });
    expect(forged.status).toBe(403);
    expect(b.cookies.has('session')).toBe(false);
    const fromElsewhere = await b.request('/console/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({
        username: demoAccounts.office.username,
        password: demoPassword,
      }).toString(),
    });
    expect(fromElsewhere.status).toBe(403);
    const api = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: demoAccounts.office.username, password: demoPassword }),
    });
    expect(api.status).toBe(403);
  });

  it('replaces the session a browser already holds when someone signs in', async () => {
    const b = consoleClient(t);
    expect((await b.signIn(demoAccounts.leader.username, demoPassword)).status).toBe(303);
    const before = b.cookies.get('session');
    expect((await b.signIn(demoAccounts.supervisor.username, demoPassword)).status).toBe(303);
    expect(b.cookies.get('session')).not.toBe(before);
    const me = asRecord(
      await (await b.request('/api/auth/me', { headers: { accept: 'application/json' } })).json(),
    );
    expect(me.username).toBe(demoAccounts.supervisor.username);
  });

  it('refuses cookie-authenticated writes from another origin even with the token', async () => {
    const b = consoleClient(t);
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const { html } = await b.page(`/console/review-sessions/${session}`);
    const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const write = (headers: Record<string, string>) =>
      b.request(`/api/review-sessions/${session}/paper-issued`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token, ...headers },
        body: JSON.stringify({ member: 1, mass: 0 }),
      });
    expect((await write({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await write({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await write({ origin: 'https://pingyi.example.cn' })).status).toBe(200);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a __proto__ key in a JSON body, and stores nothing', async () => {
    const before = (await scanAll(t, 'ballotBox')).length;
    const res = await t.app.request(`/api/public/review-sessions/${session}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"code":"${code}","voterGroup":"member","requestToken":"${'R'.repeat(22)}","grades":{"__proto__":"excellent"},"satisfaction":"satisfied"}`,
    });
    expect(res.status).toBe(400);
    expect(asRecord(asRecord(await res.json()).error).code).toBe('FORBIDDEN_KEY');
    expect((await scanAll(t, 'ballotBox')).length).toBe(before);
  });

  it('answers the same 401 for existing and missing ids without a session', async () => {
    for (const [existing, missing] of [
      [`/api/units/${unitId}`, '/api/units/no-such-unit'],
      [`/api/review-sessions/${session}`, '/api/review-sessions/no-such-session'],
      [`/api/rounds/${round}`, '/api/rounds/no-such-round'],
    ]) {
      const [a, b] = await Promise.all([t.app.request(existing ?? ''), t.app.request(missing ?? '')]);
      expect([a.status, b.status]).toEqual([401, 401]);
      expect(await a.json()).toEqual(await b.json());
    }
  });
});

describe('DynamoDB Local stays local', () => {
  it('runs with telemetry off and writes nothing into the project folder', async () => {
    const dynamo = await startDynamoLocal({ port: 0 });
    try {
      expect(dynamo.process.spawnargs).toContain('-disableTelemetry');
      expect(dynamo.process.spawnargs).toContain('-inMemory');
    } finally {
      await dynamo.stop();
    }
    expect(existsSync(join(process.cwd(), 'dynamodb-local-metadata.json'))).toBe(false);
  }, 60_000);
});
