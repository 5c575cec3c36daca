import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import { measuresOf } from '../shared/data/repos/measures';
import { getPublicationHead } from '../shared/data/repos/publication-log';
import { getReport, reportByToken } from '../shared/data/repos/reports';
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
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    demo = await seedDemo(t.deps, 'http://x');
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
    // Merging stays on the opinions page, which then says where each opinion went.
    await Promise.all([leader.waitForURL(/\/opinions\?.*ok=/), leader.click('text=归并为问题')]);
    expect(await leader.textContent('body')).toContain('已归并（6条意见）');
    expect(await leader.locator('td', { hasText: '车间加班安排不合理' }).count()).toBeGreaterThan(0);
    await leader.goto(`${server.url}${unitPath}/report`);
    await Promise.all([leader.waitForURL(/ok=/), leader.click('button:text-is("生成报告")')]);
    // Before it goes to the supervision group: the page the public will get, then the confirmation.
    await Promise.all([leader.waitForURL(/\/preview\?/), leader.click('button:text-is("预览并报督导组")')]);
    const preview = (await leader.textContent('body')) ?? '';
    expect(preview).toContain('预览');
    expect(preview).toContain('分析评议情况公开');
    expect(preview).toContain('车间加班安排不合理');
    await leader.screenshot({
      path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/report-preview.png`,
      fullPage: true,
    });
    await Promise.all([leader.waitForURL(/ok=/), leader.click('button:text-is("确认报督导组")')]);
    expect(await leader.textContent('body')).toContain('已报督导组');

    const supervisor = await signIn(demoAccounts.supervisor.username);
    const campaignId = (await getReport(t.deps, new URL(leader.url()).pathname.split('/')[3] ?? ''))
      ?.campaignId;
    const seq = ((await getPublicationHead(t.deps, campaignId ?? ''))?.seq ?? 0) + 1;
    await supervisor.goto(`${server.url}${unitPath}/report`);
    await supervisor.selectOption('#scope', 'public');
    await Promise.all([
      supervisor.waitForURL(/\/preview\?/),
      supervisor.click('button:text-is("预览并认可")'),
    ]);
    expect(await supervisor.textContent('body')).toContain('持本单位二维码的所有人');
    await Promise.all([supervisor.waitForURL(/ok=/), supervisor.click('button:text-is("确认认可")')]);
    const link = await supervisor.getAttribute('a[href*="/p/"]', 'href');
    expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}${new URL(link ?? '').pathname}`);
    const text = await phone.textContent('body');
    expect(text).toContain('分析评议情况公开');
    expect(text).toContain('车间加班安排不合理');
    expect(text).toContain('6');
    // This approval is the next entry of the demo's publication log.
    expect(text).toContain(`本活动公示记录第 ${seq} 条`);

    // The supervisor prints the 公示 sheet: the link as a QR code, the hashes, how to check.
    await supervisor.goto(`${server.url}${unitPath}/report/sheet`);
    const sheet = await supervisor.textContent('body');
    expect(sheet).toContain('分析评议情况公示');
    expect(sheet).toContain(`打印时公示记录最新为第 ${seq} 条`);
    expect(await supervisor.$('svg')).not.toBeNull();
    const pdf = await supervisor.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

    // Anyone checks it on the phone: the page walks the log with WebCrypto.
    await phone.goto(`${server.url}/v?l=${encodeURIComponent(link ?? '')}`);
    await phone.click('button:text-is("核对")');
    await phone.waitForSelector('#vr li:last-child:has-text("核对一致"), #vr li.bad', { timeout: 10_000 });
    const steps = (await phone.textContent('#vr')) ?? '';
    expect(steps).toContain(`公示记录共 ${seq} 条，首尾相接`);
    expect(steps).toContain('尚无整改措施，公示记录中也没有');
    expect(steps).toContain('核对一致');
    await phone.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/verify-phone.png` });

    // The demo's other disclosure has measures under way; someone rewrites one in the table without
    // its log entry, and the phone's check names the entry it no longer matches.
    const other = String(demo.lines.find((l) => l.includes('/p/'))?.match(/\/p\/[\w-]{22}/)?.[0]);
    const report = await reportByToken(t.deps, other.slice(3));
    const [measure] = await measuresOf(t.deps, report?.unitId ?? '');
    if (!measure || !report?.rectificationLog) throw new Error('the demo disclosure has logged measures');
    await t.deps.db.send(
      new PutCommand({
        TableName: t.deps.tableName,
        Item: {
          ...keys.measure(measure.unitId, measure.id),
          ...measure,
          action: `${measure.action}（已完成）`,
        },
      }),
    );
    await phone.goto(`${server.url}/v?l=${encodeURIComponent(`${server.url}${other}`)}`);
    await phone.click('button:text-is("核对")');
    await phone.waitForSelector('#vr li.bad', { timeout: 10_000 });
    expect(await phone.textContent('#vr li.bad')).toContain(
      `整改落实情况与公示记录第${report.rectificationLog.seq}条不符`,
    );
  }, 90_000);
});
