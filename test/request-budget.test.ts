import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { countingApp } from './support/count-commands';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * What a console page costs in DynamoDB commands, everything counted (the
 * session's account read included): the console reads in-process, each
 * thing once, whatever the campaign's size.
 */
describe('console pages keep to their DynamoDB request budget', () => {
  let t: TestContext;
  let unitId: string;
  let campaignId: string;
  let units: number;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    const leader = await tokenFor(t, 'leader1', 'Demo-2026-xjx');
    const me = asRecord((await call(t, leader, 'GET', '/api/auth/me')).json);
    unitId = String(asRecord(me.scope).unitId);
    campaignId = String(asRecord(me.scope).campaignId);
    const office = await tokenFor(t, 'office', 'Demo-2026-xjx');
    const list = asRecord(
      (await call(t, office, 'GET', `/api/campaigns/${campaignId}/units?limit=100`)).json,
    );
    units = (list.items as unknown[]).length;
  });

  async function cost(username: string, path: string) {
    const counting = countingApp(t);
    const browser = consoleClient({ ...t, app: counting.app });
    await browser.signIn(username, 'Demo-2026-xjx');
    counting.sent.length = 0;
    const { res, html } = await browser.page(path);
    return { status: res.status, html, sent: [...counting.sent] };
  }

  it("a leader's unit page sends at most 6 commands", async () => {
    const { status, html, sent } = await cost('leader1', `/console/units/${unitId}`);
    expect(status).toBe(200);
    expect(html).toContain('开发区精密机械有限公司');
    expect(sent.length, sent.join(', ')).toBeLessThanOrEqual(6);
  });

  it("the office's campaign page sends at most 4 commands plus one BatchGetItem per 100 units", async () => {
    expect(units).toBeGreaterThanOrEqual(13);
    const { status, sent } = await cost('office', `/console/campaigns/${campaignId}`);
    expect(status).toBe(200);
    expect(sent.length, sent.join(', ')).toBeLessThanOrEqual(4 + Math.ceil(units / 100));
  });
});
