import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { createTestContext, type TestContext } from './support/test-env';

describe('democratic review in the console', () => {
  let t: TestContext;
  let cookie = '';
  const get = (path: string) => t.app.request(path, { headers: { cookie, accept: 'text/html' } });
  const post = (path: string, fields: Record<string, string>) =>
    t.app.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const csrfIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    const login = await post('/console/login', {
      username: demoAccounts.leader.username,
      password: demoPassword,
    });
    cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  });

  it('mints printable slips, shows the reconciliation, and the results after closing', async () => {
    const unitPath = (await get('/console')).headers.get('location') ?? '';
    const unitHtml = await (await get(unitPath)).text();
    const sessionPath = unitHtml.match(/href="(\/console\/review-sessions\/[^"]+)"/)?.[1] ?? '';
    expect(sessionPath).not.toBe('');
    const sessionHtml = await (await get(sessionPath)).text();
    expect(sessionHtml).toContain('计票');
    const csrf = csrfIn(sessionHtml);

    const slips = await post(`${sessionPath}/codes`, { _csrf: csrf, voterGroup: 'mass', count: '4' });
    expect(slips.status).toBe(200);
    expect(slips.headers.get('cache-control')).toBe('no-store');
    const slipsHtml = await slips.text();
    expect(slipsHtml.match(/class="slip"/g)).toHaveLength(4);
    expect(slipsHtml.match(/<svg/g)).toHaveLength(4);
    expect(slipsHtml).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);

    const closed = await post(`${sessionPath}/close`, { _csrf: csrf });
    expect(closed.status).toBe(303);
    const after = await (await get(sessionPath)).text();
    expect(after).toContain('评议结果');
    expect(after).toContain('组织评定');
  });
});
