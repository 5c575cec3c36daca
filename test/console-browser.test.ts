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
    const leader = await browser.newPage();
    await leader.goto(`${server.url}/console/login`);
    await leader.fill('#username', demoAccounts.leader.username);
    await leader.fill('#password', demoPassword);
    await leader.click('button[type=submit]');
    await leader.waitForURL(/\/console\/units\//);
    expect(await leader.textContent('h1')).toBe(demoUnits[0]?.name);
    // The demo's first unit is in 分析评议 and may ask to move on to 整改提高.
    await leader.fill('#note', '分析评议阶段工作已完成');
    await leader.click('text=提交转段申请');
    await leader.waitForSelector('.flash.ok');

    const supervisor = await browser.newPage();
    await supervisor.goto(`${server.url}/console/login`);
    await supervisor.fill('#username', demoAccounts.supervisor.username);
    await supervisor.fill('#password', demoPassword);
    await supervisor.click('button[type=submit]');
    await supervisor.waitForURL(/\/console\/groups\//);
    const rows = await supervisor.locator('tbody tr').allTextContents();
    expect(rows.length).toBe(demoUnits.filter((u) => u.group === 0).length);
    expect(rows[0]).toContain('待审批');
    await supervisor.click(`text=${demoUnits[0]?.name}`);
    await supervisor.fill('#comment', '同意');
    await supervisor.click('text=同意转段');
    await supervisor.waitForSelector('.flash.ok');
    expect(await supervisor.textContent('h2')).toContain('整改提高');
  }, 60_000);
});
