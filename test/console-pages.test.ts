import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword, demoUnits } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { consoleClient, csrfIn } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

const browser = (t: TestContext) => consoleClient(t);

describe('console pages', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
  });

  it('sends an anonymous visitor to the sign-in page', async () => {
    const res = await browser(t).request('/console');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/login');
    const login = await browser(t).request('/console/login');
    expect(await login.text()).toContain('登录');
  });

  it('shows a wrong password on the sign-in page without a session', async () => {
    const b = browser(t);
    const res = await b.signIn('office', 'wrong-password');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('用户名或密码错误');
  });

  it('shows the office every unit of the demo campaign', async () => {
    const b = browser(t);
    expect((await b.signIn(demoAccounts.office.username, demoPassword)).status).toBe(303);
    const home = await (await b.request('/console')).text();
    const campaignLink = home.match(/href="(\/console\/campaigns\/[^"]+)"/)?.[1];
    expect(campaignLink).toBeDefined();
    const campaign = await (await b.request(campaignLink ?? '')).text();
    for (const u of demoUnits) expect(campaign).toContain(u.name);
    expect(campaign).toContain('第六督导组');
    const audit = await b.request('/console/audit');
    expect(audit.status).toBe(200);
    // The trail reads in Chinese: named actions, China time, no ids, JSON or action codes
    // outside the 技术信息 a technical user may open.
    const html = await audit.text();
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1] ?? '').slice(1);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const visible = row.replace(/<details.*?<\/details>/gs, '').replace(/<[^>]+>/g, ' ');
      expect(visible, visible).not.toMatch(/[{}"]|[a-z]+\.[a-z]+|\d{4}-\d{2}-\d{2}T|其他操作/);
    }
    // Who did what to which unit: the unit by name, a link that narrows the trail to it.
    const unitLink = html.match(/href="(\/console\/audit\?unit=[^"]+)">([^<]+)<\/a>/);
    expect(demoUnits.map((u) => u.name)).toContain(unitLink?.[2]);
    const narrowed = await (await b.request((unitLink?.[1] ?? '').replace(/&amp;/g, '&'))).text();
    const unitRows = [...narrowed.matchAll(/<tr>(.*?)<\/tr>/gs)].slice(1);
    expect(unitRows.length).toBeGreaterThan(0);
    for (const [row] of unitRows) expect(row).toContain(unitLink?.[2]);
    // By action and by day: today's approvals only.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const approvals = await (
      await b.request(`/console/audit?action=report.approve&from=${today}&to=${today}`)
    ).text();
    const approvalRows = [...approvals.matchAll(/<tr>(.*?)<\/tr>/gs)].slice(1);
    expect(approvalRows.length).toBe(2);
    for (const [row] of approvalRows) expect(row).toContain('认可');
    expect((await b.request('/console/audit?from=not-a-day')).status).toBe(400);
    // The same filter as a file: every approval of today, by name, in Excel and CSV.
    const exportLink = approvals.match(/href="(\/api\/audit\/export\?format=xlsx[^"]*)"/)?.[1] ?? '';
    expect(exportLink).toContain('action=report.approve');
    const xlsx = await b.request(exportLink.replace(/&amp;/g, '&'));
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('操作记录');
    expect(sheet?.getRow(1).getCell(4).value).toBe('操作');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const exportedRows = (sheet?.getSheetValues() ?? []).slice(2);
    expect(exportedRows.length).toBe(2);
    for (const row of exportedRows) {
      const cells = (row ?? []) as unknown[];
      expect(cells[4]).toBe('认可报告');
      expect(demoUnits.map((u) => u.name)).toContain(cells[5]);
      expect(String(cells[2])).toMatch(/[\u4e00-\u9fff]/);
    }
    const csv = await (await b.request(exportLink.replace(/&amp;/g, '&').replace('xlsx', 'csv'))).text();
    expect(csv.split('\n').filter(Boolean).length).toBe(3);
    // A leader may not export the trail.
    const leader = browser(t);
    await leader.signIn(demoAccounts.leader.username, demoPassword);
    expect((await leader.request('/api/audit/export?format=csv')).status).toBe(403);
  });

  it('takes a leader to their own unit and hides others behind a 404 page', async () => {
    const b = browser(t);
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const home = await b.request('/console');
    expect(home.status).toBe(303);
    const unitPath = home.headers.get('location') ?? '';
    const unitPage = await (await b.request(unitPath)).text();
    expect(unitPage).toContain(demoUnits[0]?.name);
    // How many opinions arrived is on the unit page itself (fewer than k: not said exactly).
    expect(unitPage).toMatch(/已收到群众意见 <strong>(不足5份|\d+ 份)<\/strong>/);
    expect(unitPage).toContain('党员名单');
    expect(unitPage).toContain('第一督导组');
    // Rounds are numbered in the order they opened, so two open ones are told apart.
    expect(unitPage).toMatch(/第1轮 · (进行中|已结束|未开始)/);
    expect((await b.request('/console/units/someone-elses-unit')).status).toBe(404);
    expect((await b.request('/console/accounts')).status).toBe(403);
  });

  it('adds a member through a form post only with the CSRF token', async () => {
    const b = browser(t);
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const unitPath = (await b.request('/console')).headers.get('location') ?? '';
    const html = await (await b.request(unitPath)).text();
    const fields = { name: '测试新党员', category: 'frontline' };
    const forged = await b.post(`${unitPath}/members`, { ...fields, _csrf: 'forged' });
    expect(forged.status).toBe(403);
    const ok = await b.post(`${unitPath}/members`, { ...fields, _csrf: csrfIn(html) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain('ok=');
    const after = await (await b.request(unitPath)).text();
    expect(after).toContain('测试新党员');
  });

  it('shows the rules frozen once people are answering, and refuses a change posted anyway', async () => {
    const b = browser(t);
    await b.signIn(demoAccounts.office.username, demoPassword);
    const home = await (await b.request('/console')).text();
    const campaignPath = home.match(/href="(\/console\/campaigns\/[^"/]+)"/)?.[1] ?? '';
    const rules = {
      anonymityK: '5',
      satisfactionThreshold: '60',
      excellentCap: '1/3',
      quorum: '4/5',
      incompetentShareThreshold: '1/3',
    };
    const checkbox = async () =>
      (await (await b.request(campaignPath)).text()).match(/<input[^>]*name="massUnknown"[^>]*>/)?.[0] ?? '';
    // The demo allows 不了解, and its rounds and session are open: the form says the rules are frozen.
    let html = await (await b.request(campaignPath)).text();
    expect(html).toContain('以下规则已经冻结');
    expect(html).toMatch(/<fieldset disabled/);
    expect(await checkbox()).toContain('checked');
    // An unticked box posted anyway (no field sent) is refused, with the reason on the page.
    const res = await b.post(`${campaignPath}/settings`, { ...rules, _csrf: csrfIn(html) });
    expect(res.status).toBe(303);
    html = await (await b.request(res.headers.get('location') ?? '')).text();
    expect(html).toContain('设置已经冻结');
    expect(await checkbox()).toContain('checked');
  });

  it('shows API validation errors back on the page', async () => {
    const b = browser(t);
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const unitPath = (await b.request('/console')).headers.get('location') ?? '';
    const html = await (await b.request(unitPath)).text();
    const res = await b.post(`${unitPath}/members`, { name: '', category: 'nonsense', _csrf: csrfIn(html) });
    const location = res.headers.get('location') ?? '';
    expect(location).toContain('error=');
    const page = await (await b.request(location)).text();
    expect(page).toContain('class="flash error"');
    expect(page).toContain('category');
  });
});

describe('console pages for opinion rounds', () => {
  it('prints the round link with the configured origin, whatever Host the request names', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    const b = consoleClient(t, 'http://evil.example:8443');
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const home = await b.request('/console');
    const unitPage = await (await b.request(home.headers.get('location') ?? '')).text();
    expect(unitPage).toMatch(/https:\/\/pingyi\.example\.cn\/f\/[A-Za-z0-9_-]{22}/);
    expect(unitPage).not.toContain('evil.example');
    const poster = unitPage.match(/href="(\/console\/rounds\/[^"]+\/poster)"/)?.[1] ?? '';
    const posterPage = await (await b.request(poster)).text();
    expect(posterPage).toContain('扫码提意见');
    expect(posterPage).toMatch(/src="data:image\/png;base64,/);
    expect(posterPage).toMatch(/https:\/\/pingyi\.example\.cn\/f\//);
    expect(posterPage).not.toContain('evil.example');
  });
});

describe('the evaluation’s printable poster', () => {
  it('prints an evaluation by link as a poster, for its own unit only', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    const b = consoleClient(t);
    await b.signIn(demoAccounts.leader3.username, demoPassword);
    const unitPath = (await b.request('/console')).headers.get('location') ?? '';
    const evaluations = `${unitPath}/evaluations`;
    await b.page(evaluations);
    expect((await b.post(evaluations, { mode: 'link', closesOn: '2099-12-31' })).status).toBe(303);
    const { html: page } = await b.page(evaluations);
    const poster = page.match(/href="(\/console\/evaluations\/[^"]+\/poster)"/)?.[1] ?? '';
    expect(poster).not.toBe('');
    const printed = await (await b.request(poster)).text();
    expect(printed).toContain('扫码测评');
    expect(printed).toContain('截止日期：2099-12-31');
    expect(printed).toMatch(/src="data:image\/png;base64,/);
    expect(printed).toMatch(/https:\/\/pingyi\.example\.cn\/e\//);
    // Another unit's leader gets nothing of it.
    const other = consoleClient(t);
    await other.signIn(demoAccounts.leader.username, demoPassword);
    const refused = await other.request(poster);
    expect([403, 404]).toContain(refused.status);
    expect(await refused.text()).not.toContain('扫码测评');
  });
});
