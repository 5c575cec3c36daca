import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { launchChromium } from './support/browser';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

describe('the analysis report in a real browser', () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let round = '';
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    const demo = await seedDemo(t.deps, 'http://x');
    round = demo.lines.find((l) => l.includes('/f/'))?.match(/\/f\/([\w-]+)/)?.[1] ?? '';
    server = await serveApp(t);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (username: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', username);
    await page.fill('#password', demoPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/(units|groups)\//);
    return page;
  };

  it('a leader merges opinions and submits, the supervisor approves, the public page shows the report', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await t.app.request(`/api/public/rounds/${round}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          submissionId: `BRW${String(i).padStart(19, '0')}`,
          problems: ['discipline'],
          opinion: `加班安排不合理${i}`,
        }),
      });
      expect(res.status).toBe(201);
    }
    await t.stream.drain();

    const leader = await signIn(demoAccounts.leader.username);
    const unitPath = new URL(leader.url()).pathname;
    await leader.goto(`${server.url}${unitPath}/opinions`);
    for (const box of await leader.$$('input[name=ref]')) await box.check();
    await leader.fill('#ptitle', '车间加班安排不合理');
    await leader.selectOption('#parea', 'unitWork');
    await Promise.all([leader.waitForURL(/\/report\?/), leader.click('text=归并为问题')]);
    expect(await leader.textContent('body')).toContain('车间加班安排不合理');
    await Promise.all([leader.waitForURL(/ok=/), leader.click('button:text-is("生成报告")')]);
    await Promise.all([leader.waitForURL(/ok=/), leader.click('button:text-is("报督导组")')]);
    expect(await leader.textContent('body')).toContain('已报督导组');

    const supervisor = await signIn(demoAccounts.supervisor.username);
    await supervisor.goto(`${server.url}${unitPath}/report`);
    await supervisor.selectOption('#scope', 'public');
    await Promise.all([supervisor.waitForURL(/ok=/), supervisor.click('button:text-is("认可")')]);
    const link = await supervisor.getAttribute('a[href*="/p/"]', 'href');
    expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}${new URL(link ?? '').pathname}`);
    const text = await phone.textContent('body');
    expect(text).toContain('分析评议情况公开');
    expect(text).toContain('车间加班安排不合理');
    expect(text).toContain('6');
    // This approval is the third entry of the demo's publication log.
    expect(text).toContain('本活动公示记录第 3 条');

    // The supervisor prints the 公示 sheet: the link as a QR code, the hashes, how to check.
    await supervisor.goto(`${server.url}${unitPath}/report/sheet`);
    const sheet = await supervisor.textContent('body');
    expect(sheet).toContain('分析评议情况公示');
    expect(sheet).toContain('打印时公示记录最新为第 3 条');
    expect(await supervisor.$('svg')).not.toBeNull();
    const pdf = await supervisor.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

    // Anyone checks it on the phone: the page walks the log with WebCrypto.
    await phone.goto(`${server.url}/v?l=${encodeURIComponent(link ?? '')}`);
    await phone.click('button:text-is("核对")');
    await phone.waitForSelector('#vr li:last-child:has-text("核对一致"), #vr li.bad', { timeout: 10_000 });
    const steps = (await phone.textContent('#vr')) ?? '';
    expect(steps).toContain('公示记录共 3 条，首尾相接');
    expect(steps).toContain('核对一致');
    await phone.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/verify-phone.png` });
  }, 90_000);
});
