import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../shared/demo/seed';
import { launchChromium } from './support/browser';
import { scanAll } from './support/scan';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

describe('the ballot page', () => {
  let t: TestContext;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let links: string[];
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    server = await serveApp(t);
    links = (await seedDemo(t.deps, server.url)).ballotLinks.map((l) => l.split(' ')[1] ?? '');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const ballotCount = async () => (await scanAll(t)).filter((i) => String(i.sk).startsWith('BALLOT#')).length;

  it('serves a Chinese ballot without outside assets, and a clear page for an unknown code', async () => {
    const res = await t.app.request(new URL(links[0] ?? '').pathname);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('民主评议票');
    for (const label of ['优秀', '合格', '基本合格', '不合格', '满意', '基本满意', '不满意', '不了解'])
      expect(html).toContain(label);
    expect(html).not.toMatch(/(src|href|action)="(https?:)?\/\//);
    const unknown = await t.app.request('/b/0000-0000-0000-0000', { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('选票码无效');
  });

  it('casts a ballot at a phone viewport once, and a used code gets a page saying so', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
    });
    const requests: string[] = [];
    context.on('request', (r) => {
      requests.push(r.url());
    });
    const phone = await context.newPage();
    const before = await ballotCount();
    await phone.goto(links[1] ?? '');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Leave one member out first: the page says what is missing and keeps the marks.
    const radios = await phone.locator('input[type=radio][value=competent]').all();
    for (const r of radios.slice(1)) await r.check();
    // The page counts as the voter goes (with JavaScript; without it the total is shown).
    expect(await phone.textContent('#progress')).toBe(`已评定 ${radios.length - 1} / ${radios.length} 人`);
    // The team question left empty too: both named in plain Chinese, each linked to its place and marked
    // there, and the page no wider than the phone.
    await Promise.all([phone.waitForURL(/\/cast$/), phone.click('button[type=submit]')]);
    const problems = (await phone.textContent('.err')) ?? '';
    expect(problems).toContain('请评定');
    expect(problems).toContain('请选择对单位领导班子的评价');
    expect(problems).not.toMatch(/期望|satisfied|[a-z]{6,}/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await phone.locator('.err a[href="#q-sat"]').count()).toBe(1);
    expect(await phone.locator('fieldset#q-sat.miss').count()).toBe(1);
    // The member left out is marked where they are on the page, not only named at the top.
    expect(await phone.locator('tr.miss').count()).toBe(1);
    expect(await phone.textContent('tr.miss')).toContain('请评定');
    const missing = await phone.getAttribute('tr.miss', 'id');
    expect(await phone.locator(`.err a[href="#${missing}"]`).count()).toBe(1);
    await phone.check('input[name=satisfaction][value=basicallySatisfied]');
    await phone.locator('input[type=radio][value=excellent]').first().check();
    await Promise.all([phone.waitForURL(/\/b\/done\?r=/), phone.click('button[type=submit]')]);
    const receipt = (await phone.textContent('.r'))?.trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await ballotCount()).toBe(before + 1);

    await phone.goto(links[1] ?? '');
    expect(await phone.textContent('h1')).toContain('选票已使用');
    expect(await ballotCount()).toBe(before + 1);
    for (const url of requests) expect(url.startsWith(server.url)).toBe(true);
    await context.close();
  }, 60_000);
});

describe('typing a ballot code', () => {
  it('takes a code typed in lower case without dashes to its ballot', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn' });
    const res = await t.app.request('/b?code=abcd efgh jkmn pqrs');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/b/ABCD-EFGH-JKMN-PQRS');
    const bad = await t.app.request('/b?code=short');
    expect(await bad.text()).toContain('16位');
  });
});

describe('the ballot page at a small phone width and with large text', () => {
  let t: TestContext;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  const links: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    server = await serveApp(t);
    // A member's slip has four grades; a mass representative's has 不了解 too (the demo allows it).
    const all = (await seedDemo(t.deps, server.url)).ballotLinks;
    links.member = all[0]?.split(' ')[1] ?? '';
    links.mass = all.at(-1)?.split(' ')[1] ?? '';
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [group, zoom] of [
    ['member', 1],
    ['member', 1.25],
    ['mass', 1],
    ['mass', 1.25],
  ] as const) {
    it(`keeps every grade on one line at 360 px, text at ${zoom * 100}%, grouped by member category (${group})`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(links[group] ?? '');
      const options = await page.$$eval('.gr:first-of-type label', (ls) =>
        ls.map((l) => l.textContent?.trim()),
      );
      expect(options.includes('不了解')).toBe(group === 'mass');
      // Large text in WeChat scales everything written in px; zooming the page does the same.
      await page.addStyleTag({ content: `html{zoom:${zoom}}` });
      const heights = await page.$$eval('.gr label', (ls) => ls.map((l) => l.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(0);
      // One line of text in a 44 px tap target; a wrapped 不合格 would be taller.
      for (const h of heights) expect(h).toBeLessThanOrEqual(44 * zoom + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await page.locator('h3').allTextContents()).toEqual(
        expect.arrayContaining(['党员领导干部', '普通党员', '生产一线党员']),
      );
      await page.close();
    }, 60_000);
  }
});
