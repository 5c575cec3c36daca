import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

/** The party secretary's and the supervision group's side of 党性分析, through the console's forms. */
describe('党性分析 in the console', () => {
  let t: TestContext;
  let unitPath = '';
  const leader = () => consoleClient(t);
  const member = (path: string, fields: Record<string, string>) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(fields).toString(),
    });
  const full = { problems: '学习不深入', causes: '要求不严', m0_a: '每周学习一次', m0_d: '2027-03-31' };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
  }, 60_000);

  it('issues and prints the links, follows each member’s state, returns and approves from the pages', async () => {
    const b = leader();
    await b.signIn(demoAccounts.leader.username, demoPassword);
    unitPath = (await b.request('/console')).headers.get('location') ?? '';
    const unit = (await b.page(unitPath)).html;
    expect(unit).toContain(`href="${unitPath}/self-analyses"`);
    const list = await b.page(`${unitPath}/self-analyses`);
    // The demo's members hold links already, and materials stand in every state.
    expect(list.html).not.toContain('名党员发放个人链接');
    expect(list.html).toContain('应参加 12 人，已提交 3 人，已认可 1 人');
    for (const state of ['已认可', '已提交，待组织把关', '已退回修改', '草稿', '未开始', '（代录）']) {
      expect(list.html).toContain(state);
    }
    const slips = await (await b.request(`${unitPath}/member-links/slips`)).text();
    expect(slips.match(/<svg/g)?.length).toBe(12);
    expect(slips).toContain('此链接只属于您本人，不是选票');
    const links = [...slips.matchAll(/\/m\/[A-Za-z0-9_-]{22}/g)].map((m) => m[0]);
    expect(links.length).toBe(0); // the slip carries the link in its QR code, never as printed text
    // The API gives the same links; a member submits through one.
    const api = await b.request(`/api/units/${unitPath.split('/')[3]}/member-links`, {
      headers: { accept: 'application/json' },
    });
    const items = ((await api.json()) as { items: { name: string; link: string; memberId: string }[] }).items;
    const first = items[5];
    const path = new URL(first?.link ?? '').pathname;
    expect((await member(path, { ...full, version: '0', intent: 'submit' })).status).toBe(303);
    const waiting = await b.page(`${unitPath}/self-analyses`);
    expect(waiting.html).toContain('已提交 4 人');
    const queue = waiting.html.match(/等待把关：(.*?)<\/p>/s)?.[1] ?? '';
    expect(queue).toContain(`<a href="${unitPath}/self-analyses/${first?.memberId}">${first?.name}</a>`);
    // Returned with a comment, which the member's link then shows.
    await b.page(`${unitPath}/self-analyses/${first?.memberId}`);
    const back = await b.post(`${unitPath}/self-analyses/${first?.memberId}/return`, {
      comment: '剖析不够深入',
    });
    expect(decodeURIComponent(back.headers.get('location') ?? '')).toContain('已退回');
    const mine = await (await t.app.request(path)).text();
    expect(mine).toContain('剖析不够深入');
    expect(
      (await member(path, { ...full, causes: '宗旨意识淡化', version: '2', intent: 'submit' })).status,
    ).toBe(303);
    // The supervision group may approve too (组织把关), but not issue links.
    const s = consoleClient(t);
    await s.signIn(demoAccounts.supervisor.username, demoPassword);
    const one = await s.page(`${unitPath}/self-analyses/${first?.memberId}`);
    expect(one.html).toContain('宗旨意识淡化');
    const approved = await s.post(`${unitPath}/self-analyses/${first?.memberId}/approve`, {});
    expect(decodeURIComponent(approved.headers.get('location') ?? '')).toContain('已认可');
    expect((await s.page(`${unitPath}/self-analyses`)).html).not.toContain('发放个人链接');
    const refused = await s.post(`${unitPath}/member-links`, {});
    expect(decodeURIComponent(refused.headers.get('location') ?? refused.status.toString())).toMatch(
      /error=|403/,
    );
    const after = await b.page(`${unitPath}/self-analyses/${first?.memberId}`);
    expect(after.html).toContain('内容已固定');
    expect(after.html).not.toContain('认可这份材料');
  });

  it('types in a paper material, and keeps the text when a part is missing', async () => {
    const b = leader();
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const list = await b.page(`${unitPath}/self-analyses`);
    const entry = list.html.match(/href="([^"]+\/self-analyses\/[^"]+)">代录书面材料/)?.[1] ?? '';
    expect(entry).not.toBe('');
    await b.page(entry);
    const missing = await b.post(`${entry}/enter`, {
      problems: '纸质材料的长文字',
      version: '0',
      intent: 'submit',
    });
    expect(missing.status).toBe(400);
    const again = await missing.text();
    expect(again).toContain('请写出原因剖析');
    expect(again).toContain('纸质材料的长文字');
    const typed = await b.post(`${entry}/enter`, { ...full, version: '0', intent: 'submit' });
    expect(decodeURIComponent(typed.headers.get('location') ?? '')).toContain('已代录并提交把关');
    expect((await b.page(entry)).html).toContain('党支部代录');
  });
});
