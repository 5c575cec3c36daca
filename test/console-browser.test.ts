import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword, demoUnits } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { launchChromium } from './support/browser';
import { serveApp } from './support/serve';
import { createTestContext } from './support/test-env';

describe('the console in a real browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  beforeAll(async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    server = await serveApp(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in as a supervisor, sees their group, and approves a stage request of the leader', async () => {
    const signIn = async (username: string, landing: RegExp) => {
      const p = await browser.newPage();
      await p.goto(`${server.url}/console/login`);
      await p.fill('#username', username);
      await p.fill('#password', demoPassword);
      await p.click('button[type=submit]');
      await p.waitForURL(landing);
      return p;
    };
    // The first unit is in 分析评议 without an approved report: it may not move on to 整改提高 yet.
    const leader = await signIn(demoAccounts.leader.username, /\/console\/units\//);
    expect(await leader.textContent('h1')).toBe(demoUnits[0]?.name);
    await leader.fill('#note', '分析评议阶段工作已完成');
    await leader.click('text=提交转段申请');
    expect(await leader.textContent('.flash.error')).toContain('分析评议报告经督导组认可后');
    // The second unit's masses rated its rectification above the threshold: it asks to close 整改提高.
    const leader2 = await signIn(demoAccounts.leader2.username, /\/console\/units\//);
    expect(await leader2.textContent('label[for=note]')).toContain('申请结束“整改提高”阶段');
    await leader2.fill('#note', '整改措施基本落实，群众满意度测评达标');
    await leader2.click('text=提交转段申请');
    await leader2.waitForSelector('.flash.ok');

    const supervisor = await signIn(demoAccounts.supervisor.username, /\/console\/groups\//);
    const rows = await supervisor.locator('table').first().locator('tbody tr').allTextContents();
    expect(rows.length).toBe(demoUnits.filter((u) => u.group === 0).length);
    expect(rows[0]).toContain('待审批');
    expect(rows.join('')).toContain('整改测评未达标，需补课');
    // The request waits in the supervisor's 待办, a link to the unit's page where it is decided.
    await supervisor.click(`text=审批转段申请：${demoUnits[1]?.name}`);
    await supervisor.fill('#comment', '同意');
    await supervisor.click('text=同意转段');
    await supervisor.waitForSelector('.flash.ok');
    expect(await supervisor.textContent('h2#stage')).toContain('活动结束');
  }, 60_000);

  it('asks before ending an opinion round early, and does nothing when the leader says no', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', demoAccounts.leader.username);
    await page.fill('#password', demoPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/units\//);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.click('text=提前结束');
    expect(asked[0]).toContain('提前结束后群众不能再提交意见');
    expect(await page.locator('.flash').count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForSelector('.flash.ok'), page.click('text=提前结束')]);
    expect(await page.locator('text=提前结束').count()).toBe(0);
    // The console's pages name the API reference for the office only; the site has an icon.
    expect(await page.locator('nav a[href="/docs"]').count()).toBe(0);
    expect((await page.request.get(`${server.url}/favicon.ico`)).status()).toBe(200);
  }, 60_000);
});
