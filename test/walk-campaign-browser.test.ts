import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoUnits } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { launchChromium } from './support/browser';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';
import { type Walker, walker } from './support/walk';
import { officeExports } from './support/walk-office';

const unitName = demoUnits[0]?.name ?? '';

/**
 * One unit's 分析评议 walked through by every role in Chromium, each from
 * their own door (the QR code, the slip, the sign-in page) by clicking only,
 * with axe-core over every kind of page reached: a mass's opinion and its
 * receipt looked up later, a member's ballot with a mistake on the way, both
 * tellers with a correction, the supervisor's count, the leader's problem
 * list (rename, move, delete) with preview and submit, the supervisor's
 * return and approval, and the office's exports opened with exceljs.
 */
describe('the campaign walked by each role, by clicking only', { timeout: 60_000 }, () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let w: Walker;
  let formUrl = '';
  let slipUrl = '';
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    server = await serveApp(t);
    const demo = await seedDemo(t.deps, server.url);
    formUrl = demo.lines.find((l) => l.includes('/f/'))?.match(/http\S+/)?.[0] ?? '';
    slipUrl = demo.ballotLinks[0]?.split(' ')[1] ?? '';
    // Other people of the unit have written in before our walk starts.
    const roundId = formUrl.split('/f/')[1];
    for (const [i, opinion] of [
      '车间经常临时通知加班',
      '加班后食堂已经没有饭了',
      '加班费迟迟不发',
      '食堂饭菜质量差，价格高',
      '测试',
    ].entries()) {
      const res = await t.app.request(`/api/public/rounds/${roundId}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          submissionId: `WALK${String(i).padStart(18, '0')}`,
          about: ['work'],
          opinion,
        }),
      });
      expect(res.status).toBe(201);
    }
    await t.stream.drain();
    browser = await launchChromium();
    w = walker(browser, server.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a mass sends an opinion from the QR code, and later finds it again by the receipt', async () => {
    const phone = await w.open('phone');
    await w.scan(phone, formUrl);
    await phone.check('input[name=respondent][value=mass]');
    await phone.fill('#opinion', '党员在困难面前没有冲在前面');
    await w.click(phone, 'button:text-is("提交意见")');
    const receipt = ((await phone.textContent('.r')) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await w.shot(phone, 'mass-thanks');
    await w.click(phone, 'text=查看这条意见的处理情况');
    expect(await phone.textContent('main')).toContain('已收到');
    // Days later: the same QR code, the look-up box at the foot of the form, typed in lower case.
    await w.scan(phone, formUrl);
    await phone.fill('#lk-r', receipt.toLowerCase().replace('-', ''));
    await w.click(phone, 'button:text-is("查询")');
    expect(await phone.textContent('main')).toContain('您的意见已收到');
  });

  it('a member fills in the ballot, misses the leading team, is shown where, and votes', async () => {
    const phone = await w.open('phone');
    await w.scan(phone, slipUrl);
    for (const radio of await phone.locator('input[type=radio][value=competent]').all()) await radio.check();
    await w.click(phone, 'button[type=submit]');
    const problems = (await phone.textContent('main')) ?? '';
    expect(problems).toContain('领导班子');
    expect(problems).not.toMatch(/satisf|期望|"/);
    expect(await phone.getAttribute('#q-sat', 'class')).toContain('miss');
    // The error links to the question; the grades already given are still there.
    await phone.click('a[href="#q-sat"]');
    expect(await phone.locator('input[value=competent]:checked').count()).toBeGreaterThan(0);
    await phone.check('input[name=satisfaction][value=satisfied]');
    await w.click(phone, 'button[type=submit]');
    expect(await phone.textContent('main')).toContain('投票成功');
    await w.shot(phone, 'member-voted');
  });

  it('the leader records the paper slips handed out and ends the vote', async () => {
    const leader = await w.signIn(demoAccounts.leader.username);
    expect(await leader.textContent('h1')).toBe(unitName);
    // 民主评议 is the step that comes next on the unit's page; its session is listed there.
    expect(await leader.textContent('li:has(strong)')).toContain('民主评议党员，计票并组织评定');
    await w.click(leader, 'a:has-text("进行中")');
    await leader.fill('#pi_member', '2');
    await leader.fill('#pi_mass', '0');
    await w.click(leader, 'form[action$="/paper-issued"] button');
    expect(await leader.textContent('.flash.ok')).toBeTruthy();
    await w.click(leader, 'button:text-is("结束评议并计票")');
    expect(await leader.textContent('h1')).toContain('计票中');
  });

  const enterSlip = async (page: Page, slipNo: number, grade: string) => {
    await page.fill('#slipNo', String(slipNo));
    for (const radio of await page.locator(`.slip-grid input[value=${grade}]`).all()) await radio.check();
    await page.locator('.slip-grid input[value=satisfied]').first().check();
    await w.click(page, 'button:text-is("录入")');
  };

  it('both tellers enter the paper slips from their homes, and one puts a mismatch right', async () => {
    const first = await w.signIn(demoAccounts.teller1.username);
    await w.click(first, `a:text-is("录入民主评议纸质票：${unitName}")`);
    await enterSlip(first, 1, 'competent');
    await enterSlip(first, 2, 'excellent');
    const second = await w.signIn(demoAccounts.teller2.username);
    await w.click(second, `a:text-is("录入民主评议纸质票：${unitName}")`);
    await enterSlip(second, 1, 'basicallyCompetent');
    await enterSlip(second, 2, 'excellent');
    expect(await second.textContent('#slip-status')).toContain('第1号（两人录入不一致）');
    // The second teller looks at the paper slip again, opens slip 1 (their marks come back) and corrects it.
    await w.click(second, '#slip-status a:text-is("第1号")');
    expect(
      await second.locator('.slip-grid input[value=basicallyCompetent]:checked').count(),
    ).toBeGreaterThan(0);
    await enterSlip(second, 1, 'competent');
    expect(await second.textContent('#slip-status')).toContain('没有尚未计入的票');
    await w.shot(second, 'teller-consistent');
  });

  it('the supervisor confirms the count from the home page', async () => {
    const supervisor = await w.signIn(demoAccounts.supervisor.username);
    await w.click(supervisor, `a:text-is("确认民主评议计票：${unitName}")`);
    expect(await supervisor.textContent('main')).toContain('纸质票已全部核对一致');
    await supervisor.check('input[name=checked]');
    await w.click(supervisor, 'button:text-is("确认计票结束并封存结果")');
    expect(await supervisor.textContent('.flash.ok')).toBeTruthy();
  });

  const merge = async (page: Page, texts: string[], into: string, title?: string) => {
    for (const text of texts) await page.locator(`tr:has-text("${text}") input[name=ref]`).check();
    await page.selectOption('#pinto', { label: into });
    if (title) {
      await page.fill('#ptitle', title);
      await page.selectOption('#parea', 'unitWork');
    }
    await w.click(page, 'button:text-is("归并为问题")');
    expect(await page.textContent('.flash.ok')).toContain('已归并');
  };

  it('the leader sorts the opinions into problems, renames, moves, previews and submits', async () => {
    const leader = await w.signIn(demoAccounts.leader.username);
    await w.click(leader, 'a:has-text("梳理归并问题，生成分析评议报告")');
    const fresh = '新问题（填写下面的问题和方面）';
    await merge(
      leader,
      ['车间经常临时通知加班', '加班后食堂已经没有饭了', '加班费迟迟不发'],
      fresh,
      '加班多',
    );
    await merge(leader, ['食堂饭菜质量差'], fresh, '职工食堂办得不好');
    await merge(leader, ['党员在困难面前'], fresh, '党员先锋作用不明显');
    await merge(leader, ['测试'], fresh, '测试问题');
    // One opinion is about the canteen: moved from 加班多 to the canteen's problem.
    await merge(leader, ['加班后食堂已经没有饭了'], '已有问题：职工食堂办得不好（1条）');
    expect(await leader.textContent('tr:has-text("加班后食堂已经没有饭了")')).toContain('职工食堂办得不好');
    await w.click(leader, 'a:has-text("问题清单和分析评议报告")');
    // A title that says what the masses meant.
    const row = leader.locator('tr:has(input[name=title][value="加班多"])');
    await row.locator('input[name=title]').fill('部分车间临时加班多，加班费发放不及时');
    await Promise.all([leader.waitForNavigation(), row.locator('button:text-is("保存")').click()]);
    await w.check(leader);
    expect(
      await leader
        .locator('input[name=title]')
        .evaluateAll((l) => l.map((i) => (i as HTMLInputElement).value)),
    ).toContain('部分车间临时加班多，加班费发放不及时');
    await w.click(leader, 'button:text-is("生成报告")');
    await w.click(leader, 'button:text-is("预览并报督导组")');
    const preview = (await leader.textContent('main')) ?? '';
    expect(preview).toContain('部分车间临时加班多，加班费发放不及时');
    await w.shot(leader, 'leader-preview');
    await w.click(leader, 'button:text-is("确认报督导组")');
    expect(await leader.textContent('body')).toContain('已报督导组');
  });

  it('the supervisor returns it, the leader deletes the junk and resubmits, the supervisor approves', async () => {
    const supervisor = await w.signIn(demoAccounts.supervisor.username);
    await w.click(supervisor, `a:text-is("审核分析评议报告：${unitName}")`);
    await supervisor.fill('#comment', '“测试问题”不是群众反映的问题，请删除后再报');
    await w.click(supervisor, 'button:text-is("退回")');

    const leader = await w.signIn(demoAccounts.leader.username);
    expect(await leader.textContent('main')).toContain('请删除后再报');
    await w.click(leader, 'a:has-text("问题清单和分析评议报告")');
    await w.click(leader, 'button[aria-label="删除问题：测试问题"]');
    expect(await leader.locator('button[aria-label="删除问题：测试问题"]').count()).toBe(0);
    expect(await leader.locator('input[name=title]').count()).toBe(3);
    await w.click(leader, 'button:text-is("生成报告"), button:text-is("重新生成报告")');
    await w.click(leader, 'button:text-is("预览并报督导组")');
    await w.click(leader, 'button:text-is("确认报督导组")');

    await w.click(supervisor, 'a:text-is("首页")');
    await w.click(supervisor, `a:text-is("审核分析评议报告：${unitName}")`);
    await w.click(supervisor, 'button:text-is("预览并认可")');
    const preview = (await supervisor.textContent('main')) ?? '';
    expect(preview).toContain('职工食堂办得不好');
    expect(preview).not.toContain('测试问题');
    await w.click(supervisor, 'button:text-is("确认认可")');
    expect(await supervisor.textContent('body')).toContain('已认可');
  });

  it('the office takes the overview and the audit trail away as spreadsheets with numbers as numbers', async () => {
    await t.stream.drain(); // the live opinion counts, as the stream keeps them on AWS
    const office = await w.signIn(demoAccounts.office.username);
    await officeExports(w, office, unitName);
  });

  it('meets no serious or critical accessibility finding, nor a sideways-scrolling phone page, anywhere on the way', () => {
    expect(w.visited.length).toBeGreaterThan(15);
    expect(w.findings).toEqual([]);
  });
});
