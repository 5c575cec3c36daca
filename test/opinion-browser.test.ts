import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { launchChromium } from './support/browser';
import { scanAll } from './support/scan';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

// WeChat's in-app browser on Android identifies itself like this.
const wechatUa =
  'Mozilla/5.0 (Linux; Android 12; V2145A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5197 MMWEBSDK/20230701 MicroMessenger/8.0.40.2420(0x28002837) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64';

describe('the opinion form on a phone', () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let formUrl: string;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    server = await serveApp(t);
    const demo = await seedDemo(t.deps, server.url);
    formUrl = demo.lines.find((l) => l.includes('/f/'))?.match(/http\S+/)?.[0] ?? '';
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const opinionCount = async () =>
    (await scanAll(t)).filter(
      (i) => String(i.sk).startsWith('OPINION#') && String(i.pk) === `ROUND#${formUrl.split('/f/')[1]}`,
    ).length;

  for (const javaScriptEnabled of [true, false]) {
    it(`fills in and sends an opinion, and a resend of the same page stores it once (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 375, height: 667 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: wechatUa,
        javaScriptEnabled,
      });
      const requests: string[] = [];
      context.on('request', (r) => {
        requests.push(r.url());
      });
      const phone = await context.newPage();
      const before = await opinionCount();
      await phone.goto(formUrl);
      expect(await phone.textContent('h1')).toContain('开发区精密机械有限公司');
      // Nothing needs zooming: the page is no wider than the phone.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.check('input[name=respondent][value=mass]');
      await phone.check('input[name=focus][value=laborRelations]');
      await phone.check('input[name=problems][value=discipline]');
      await phone.fill('#opinion', `车间加班多，希望合理安排（${javaScriptEnabled}）`);
      await Promise.all([phone.waitForURL(/\/f\//), phone.click('button[type=submit]')]);
      await phone.waitForSelector('.r');
      const receipt = (await phone.textContent('.r'))?.trim();
      expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await opinionCount()).toBe(before + 1);

      // Back to the filled page and send it again, as a person unsure it went through would.
      await phone.goBack();
      await phone.waitForSelector('#opinion');
      await phone.fill('#opinion', `车间加班多，希望合理安排（${javaScriptEnabled}）`);
      await Promise.all([phone.waitForURL(/\/f\//), phone.click('button[type=submit]')]);
      await phone.waitForSelector('.r');
      expect((await phone.textContent('.r'))?.trim()).toBe(receipt);
      expect(await opinionCount()).toBe(before + 1);

      for (const url of requests) expect(url.startsWith(server.url)).toBe(true);
      await context.close();
    }, 60_000);
  }

  it('shows the leader the opinion and the counts in the console', async () => {
    await t.stream.drain();
    const page = await browser.newPage();
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', demoAccounts.leader.username);
    await page.fill('#password', demoPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/units\//);
    await page.click('text=查看群众意见汇总');
    await page.waitForSelector('text=意见明细');
    const body = await page.textContent('body');
    expect(body).toContain('车间加班多，希望合理安排');
    expect(body).toContain('少于5人，不单独显示');
    await page.close();
  }, 60_000);

  it('keeps hostile text inert on the leader’s pages', async () => {
    const token = formUrl.split('/f/')[1] ?? '';
    const payloads = [
      '<script>window.__xss=1</script>',
      '<img src=x onerror="window.__xss=2">',
      '"><svg onload="window.__xss=3">',
      "'><iframe src=javascript:window.__xss=4>",
    ];
    for (const [i, text] of payloads.entries()) {
      const res = await t.app.request(`/api/public/rounds/${token}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          submissionId: `XSS${String(i).padStart(19, '0')}`,
          opinion: text,
          suggestion: text,
        }),
      });
      expect(res.status).toBe(201);
    }
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', demoAccounts.leader.username);
    await page.fill('#password', demoPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/units\//);
    await page.goto(`${page.url()}/opinions`);
    expect(await page.textContent('body')).toContain('<script>window.__xss=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.$$('img[src=x], svg[onload], iframe')).toHaveLength(0);
    expect(dialogs).toBe(0);
    await page.close();
  }, 60_000);
});
