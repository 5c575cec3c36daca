import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../shared/demo/seed';
import { launchChromium } from './support/browser';
import { scanAll } from './support/scan';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

/** What phone users do after sending: go back, refresh, forward the address. None of it may trap them. */
describe('back, refresh and forwarding on the masses’ pages', () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let formUrl = '';
  let ballotLinks: string[] = [];
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    server = await serveApp(t);
    const demo = await seedDemo(t.deps, server.url);
    formUrl = demo.lines.find((l) => l.includes('/f/'))?.match(/http\S+/)?.[0] ?? '';
    ballotLinks = demo.ballotLinks.map((l) => l.split(' ')[1] ?? '');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const count = async (prefix: string) =>
    (await scanAll(t)).filter((i) => String(i.sk).startsWith(prefix)).length;
  const receiptOn = async (page: Page) => (await page.textContent('.r'))?.trim() ?? '';
  const phone = (javaScriptEnabled: boolean) =>
    browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled,
    });

  for (const javaScriptEnabled of [true, false]) {
    it(`opinion form (JavaScript ${javaScriptEnabled ? 'on' : 'off'}): refresh and forward the thanks page, go back and send an edited opinion`, async () => {
      const context = await phone(javaScriptEnabled);
      const page = await context.newPage();
      const before = await count('OPINION#');
      await page.goto(formUrl);
      await page.fill('#opinion', `食堂饭菜价格偏高（${javaScriptEnabled}）`);
      await Promise.all([page.waitForURL(/\/sent\?r=/), page.click('button[type=submit]')]);
      const first = await receiptOn(page);
      expect(first).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

      // Refresh: the same thanks page, nothing sent again.
      await page.reload();
      expect(await receiptOn(page)).toBe(first);
      // Forwarded or reopened later: the address shows the receipt again.
      const reopened = await context.newPage();
      await reopened.goto(page.url());
      expect(await receiptOn(reopened)).toBe(first);
      expect(await count('OPINION#')).toBe(before + 1);

      // Back to the form: usable (not stuck on 正在提交…); an edited resend is a new opinion.
      await page.goBack();
      await page.waitForSelector('#opinion');
      expect(await page.isEnabled('button[type=submit]')).toBe(true);
      expect(await page.textContent('button[type=submit]')).not.toContain('正在提交');
      await page.fill('#opinion', `食堂饭菜价格偏高，分量也少（${javaScriptEnabled}）`);
      await Promise.all([page.waitForURL(/\/sent\?r=/), page.click('button[type=submit]')]);
      const second = await receiptOn(page);
      expect(second).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(second).not.toBe(first);
      expect(await count('OPINION#')).toBe(before + 2);

      // The same edited page sent once more (unsure it went through) is stored once.
      await page.goBack();
      await page.waitForSelector('#opinion');
      await page.fill('#opinion', `食堂饭菜价格偏高，分量也少（${javaScriptEnabled}）`);
      await Promise.all([page.waitForURL(/\/sent\?r=/), page.click('button[type=submit]')]);
      expect(await receiptOn(page)).toBe(second);
      expect(await count('OPINION#')).toBe(before + 2);

      // The post's own address, refreshed as a GET, leads back to the form rather than 页面不存在.
      await page.goto(`${formUrl}/send`);
      expect(page.url()).toBe(formUrl);
      await context.close();
    }, 60_000);
  }

  it('ballot page: refresh the thanks page, go back, and a voter who did vote is told so', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    const link = ballotLinks[5] ?? '';
    const before = await count('BALLOT#');
    await page.goto(link);
    for (const r of await page.locator('input[type=radio][value=competent]').all()) await r.check();
    await page.check('input[name=satisfaction][value=satisfied]');
    await Promise.all([page.waitForURL(/\/b\/done\?r=/), page.click('button[type=submit]')]);
    const receipt = await receiptOn(page);
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(page.url()).not.toContain(new URL(link).pathname.slice(3));
    await page.reload();
    expect(await receiptOn(page)).toBe(receipt);

    // Back: the filled ballot comes back usable; sent again as it was, it is the same ballot and receipt.
    await page.goBack();
    await page.waitForSelector('input[name=satisfaction]');
    expect(await page.isEnabled('button[type=submit]')).toBe(true);
    await Promise.all([page.waitForURL(/\/b\/done\?r=/), page.click('button[type=submit]')]);
    expect(await receiptOn(page)).toBe(receipt);
    expect(await count('BALLOT#')).toBe(before + 1);
    // Opening the slip's link again says the ballot is in, not only that the code is spent.
    await page.goto(link);
    expect(await page.textContent('body')).toContain('如果是您刚才投的，您的选票已经收到');
    await context.close();
  }, 60_000);

  it('ballot page sent back with a member missed: refresh reloads the ballot, not the post, and the code stays unused', async () => {
    const context = await phone(true);
    const page = await context.newPage();
    const link = ballotLinks[6] ?? '';
    const before = await count('BALLOT#');
    await page.goto(link);
    const radios = await page.locator('input[type=radio][value=competent]').all();
    for (const r of radios.slice(1)) await r.check();
    await page.check('input[name=satisfaction][value=satisfied]');
    await Promise.all([page.waitForSelector('tr.miss'), page.click('button[type=submit]')]);
    // The page sent back with the problem takes the ballot's own address again.
    expect(new URL(page.url()).pathname).toBe(new URL(link).pathname.replace(/-/g, ''));
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST') posts++;
    });
    await page.reload();
    await page.waitForSelector('input[name=satisfaction]');
    expect(posts).toBe(0);
    expect(await page.locator('tr.miss').count()).toBe(0);
    expect(await count('BALLOT#')).toBe(before);
    await context.close();
  }, 60_000);
});
