import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingEntriesOf } from '../shared/data/repos/counting';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { PaperEntry } from '../shared/domain/review';
import { asRecord, call, tokenFor } from './support/api';
import { launchChromium } from './support/browser';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

/** A teller types eleven grades per slip: the grid must be fillable with the keyboard alone. */
describe('the paper ballot grid for tellers', () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let sessionId = '';
  let members = 0;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    server = await serveApp(t);
    browser = await launchChromium();
    // The demo session closes, so its tellers can enter the paper slips.
    const leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    const unitId = String(
      asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    const sessions = (await call(t, leader, 'GET', `/api/units/${unitId}/review-sessions`)).json as {
      items: { id: string; members: unknown[] }[];
    };
    sessionId = sessions.items[0]?.id ?? '';
    members = sessions.items[0]?.members.length ?? 0;
    expect((await call(t, leader, 'POST', `/api/review-sessions/${sessionId}/close`)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is filled with Tab and the arrow keys, sent with Enter, and offers the next slip number and where the slips stand', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', demoAccounts.teller1.username);
    await page.fill('#password', demoPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\//);
    await page.goto(`${server.url}/console/review-sessions/${sessionId}`);
    // The slip number has the focus and starts at 1; Tab goes to the voter group, then down the slip.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('slipNo');
    expect(await page.inputValue('#slipNo')).toBe('1');
    await page.keyboard.press('Tab');
    for (let i = 0; i < members; i++) {
      await page.keyboard.press('Tab'); // the row's first grade, 优秀
      await page.keyboard.press('ArrowRight'); // 合格, chosen
    }
    await page.keyboard.press('Tab'); // the leading team's first answer, 满意
    await page.keyboard.press('Space');
    await Promise.all([page.waitForSelector('.flash.ok'), page.keyboard.press('Enter')]);
    expect(await page.textContent('.flash.ok')).toContain('已录入第1号票');
    expect(await page.inputValue('#slipNo')).toBe('2');
    // The slips' status is beside the grid: slip 1 waits for the other teller.
    expect(await page.textContent('#slip-status')).toContain('第1号（等待另一位计票人）');
    // A member's slip offers no 不了解 (only mass representatives' slips carry it).
    expect(await page.locator('.slip-grid input[name^=g_][value=unknown]').count()).toBe(0);
    // Opening slip 1 again to correct it brings back this teller's own marks.
    await Promise.all([page.waitForURL(/slip=1/), page.click('#slip-status a:text-is("第1号")')]);
    expect(await page.inputValue('#slipNo')).toBe('1');
    expect(await page.locator('.slip-grid input:checked').count()).toBe(members + 1);
    expect(await page.locator('.slip-grid input[value=competent]:checked').count()).toBe(members);
    const [entry] = await countingEntriesOf(t.deps, sessionId, PaperEntry);
    expect(entry).toMatchObject({ slipNo: 1, teller: 1, voterGroup: 'member', satisfaction: 'satisfied' });
    expect(Object.values(entry?.grades ?? {})).toEqual(Array.from({ length: members }, () => 'competent'));
    // Each grade sits in its own column right under its heading, next to the name: no long reach.
    const gaps = await page.$$eval('.slip-grid tbody tr', (rows) =>
      rows.map((r) => {
        const name = r.querySelector('th')?.getBoundingClientRect();
        const first = r.querySelector('input')?.getBoundingClientRect();
        return name && first ? first.left - name.right : 0;
      }),
    );
    for (const gap of gaps) expect(gap).toBeLessThan(80);
  }, 60_000);
});
