import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import type { AnalysesDisclosure } from '../shared/domain/analyses-disclosure';
import { asRecord, call, tokenFor } from './support/api';
import { launchChromium } from './support/browser';
import { serveApp } from './support/serve';
import { rewriteAnalyses } from './support/tamper';
import { createTestContext, type TestContext } from './support/test-env';
import { walker } from './support/walk';

/** A member writes their 党性分析 on a phone with JavaScript off, is sent back once, and is approved. */
describe('the member’s personal page on a phone without JavaScript', () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let leader = '';
  let link = { memberId: '', name: '', link: '' };
  let other = '';
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'http://localhost:1' });
    server = await serveApp(t);
    await seedDemo(t.deps, server.url);
    leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    const unitId = String(
      asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    const items = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/member-links`)).json).items;
    link = (items as (typeof link)[])[5] ?? link; // the demo's first five have materials already
    other = (items as (typeof link)[])[6]?.link ?? '';
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('drafts, submits with a part missing, completes, is returned, revises and is approved', async () => {
    const w = walker(browser, server.url);
    // Without JavaScript axe-core cannot run in the page: the pages are checked again below with it on.
    const go = async (url: string) => {
      await phone.goto(url);
    };
    const press = async (selector: string) => {
      await Promise.all([phone.waitForNavigation(), phone.click(selector)]);
    };
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      javaScriptEnabled: false,
    });
    const phone = await context.newPage();
    const path = new URL(link.link).pathname;
    await go(`${server.url}${path}`);
    expect(await phone.textContent('h1')).toBe(`${link.name} 同志的党性分析`);
    await phone.fill('#problems', '理论学习不够系统');
    await press('button:text-is("保存草稿")');
    expect(await phone.textContent('.ok')).toContain('草稿已保存');
    await press('button:text-is("提交党组织把关")');
    expect(await phone.textContent('.err')).toContain('请写出原因剖析');
    expect(await phone.getAttribute('#s-causes', 'class')).toBe('miss');
    expect(await phone.inputValue('#problems')).toBe('理论学习不够系统');
    await phone.fill('#causes', '放松了学习要求');
    await phone.fill('#m0_a', '每周参加一次支部学习');
    await phone.fill('#m0_d', '2027-03-31');
    await press('button:text-is("提交党组织把关")');
    expect(await phone.textContent('.ok')).toContain('已提交');
    expect(await phone.locator('textarea').count()).toBe(0);

    const back = await call(t, leader, 'POST', `/api/self-analyses/${link.memberId}/return`, {
      comment: '原因剖析要从理想信念上找',
    });
    expect(back.status).toBe(200);
    await go(`${server.url}${path}`);
    expect(await phone.textContent('main')).toContain('原因剖析要从理想信念上找');
    await phone.fill('#causes', '理想信念有所松懈');
    await press('button:text-is("提交党组织把关")');
    expect((await call(t, leader, 'POST', `/api/self-analyses/${link.memberId}/approve`)).status).toBe(200);
    await go(`${server.url}${path}`);
    expect(await phone.textContent('main')).toContain('党组织已认可');
    expect(await phone.textContent('main')).toContain('理想信念有所松懈');
    await w.shot(phone, 'member-approved');
    // The same pages with JavaScript on, for axe-core and the phone-width check.
    const checked = await w.open('phone');
    await w.scan(checked, `${server.url}${path}`);
    await w.scan(checked, `${server.url}${new URL(other).pathname}?saved=draft`);
    // The page sent back with its problems, checked by a walker of its own (same address, other content).
    const again = walker(browser, server.url);
    await Promise.all([checked.waitForNavigation(), checked.click('button:text-is("提交党组织把关")')]);
    expect(await checked.textContent('.err')).toContain('请写出查找的问题');
    await again.check(checked);
    expect(w.visited).toHaveLength(2);
    expect([...w.findings, ...again.findings]).toEqual([]);
  }, 60_000);

  it('checks the materials published to the unit on the phone, from the page’s own 核对 link, and names a rewrite', async () => {
    const unitId = String(
      asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    const published = await call(t, leader, 'POST', `/api/units/${unitId}/self-analyses/publish`, {
      scope: 'unit',
    });
    expect(published.status).toBe(200);
    const d = published.json as AnalysesDisclosure;
    const w = walker(browser, server.url);
    const phone = await w.open('phone');
    await w.scan(phone, `${server.url}/a/${d.token}`);
    await Promise.all([phone.waitForNavigation(), phone.click('a:text-is("核对")')]);
    expect(new URL(phone.url()).pathname).toBe('/v');
    await w.check(phone);
    await phone.click('button:text-is("核对")');
    await phone.waitForSelector('#vr li:last-child:has-text("核对一致"), #vr li.bad', { timeout: 10_000 });
    const steps = (await phone.textContent('#vr')) ?? '';
    expect(steps).toContain(`内容哈希 ${d.sha256}`);
    expect(steps).toContain(`公示记录第${d.log.seq}条记的正是这些材料，且是其最新一次公开`);
    expect(steps).toContain('核对一致');
    await w.shot(phone, 'verify-analyses');
    // Someone rewrites a material in the table, hash and all: the log's entry no longer matches.
    await rewriteAnalyses(t, unitId, d);
    await phone.reload();
    await phone.click('button:text-is("核对")');
    await phone.waitForSelector('#vr li.bad', { timeout: 10_000 });
    expect(await phone.textContent('#vr li.bad')).toContain(`公示记录第${d.log.seq}条记的正是这些材料`);
    expect(w.findings).toEqual([]);
  }, 60_000);
});
