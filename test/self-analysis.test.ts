import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { materialSha256, type SelfAnalysis } from '../shared/domain/self-analysis';
import { asRecord, call, tokenFor } from './support/api';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

type Row = { memberId: string; memberName: string; state: string; material?: SelfAnalysis };

/**
 * 党性分析 through the member's personal link, as a phone without JavaScript
 * sends it (form posts), and 组织把关 through the console's API.
 */
describe('党性分析: the personal link, the material and 组织把关', () => {
  let t: TestContext;
  let leader = '';
  let unitId = '';
  let links: { memberId: string; name: string; link: string }[] = [];
  const page = async (link: string) => {
    const res = await t.app.request(new URL(link).pathname, { headers: { accept: 'text/html' } });
    return { status: res.status, html: await res.text(), res };
  };
  const send = (link: string, fields: Record<string, string>) =>
    t.app.request(new URL(link).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(fields).toString(),
    });
  const rows = async () =>
    asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/self-analyses`)).json).items as Row[];
  const rowOf = async (memberId: string) => (await rows()).find((r) => r.memberId === memberId);
  const full = {
    problems: '理论学习不够系统，联系群众不够紧密',
    causes: '放松了对自己的要求',
    m0_a: '每周参加一次理论学习',
    m0_d: '2027-03-31',
  };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    unitId = String(asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId);
    // The demo issued every member of the first unit a link; issuing again gives nobody a second one.
    expect((await call(t, leader, 'POST', `/api/units/${unitId}/member-links`)).json).toEqual({ issued: 0 });
    const all = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/member-links`)).json)
      .items as typeof links;
    expect(all).toHaveLength(12);
    // The demo's first five have materials in every state; these walks use members who have not started.
    links = all.slice(5);
  }, 60_000);

  it('gives each member a personal link of 128 bits that opens their own page, never cached', async () => {
    expect(links).toHaveLength(7);
    for (const l of links) expect(l.link).toMatch(/^https:\/\/pingyi\.example\.cn\/m\/[A-Za-z0-9_-]{22}$/);
    expect(new Set(links.map((l) => l.link)).size).toBe(7);
    const first = links[0];
    const { status, html, res } = await page(first?.link ?? '');
    expect(status).toBe(200);
    expect(html).toContain(`${first?.name} 同志的党性分析`);
    expect(html).toContain('不是匿名的');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // The seed's problems for the member's category are offered as prompts.
    expect(html).toMatch(/可对照检查：.*党员意识淡薄/);
  });

  it('keeps a draft, stores a resent page once, asks for every part before submitting, then takes it', async () => {
    const me = links[1];
    const link = me?.link ?? '';
    const draft = await send(link, { version: '0', intent: 'draft', problems: '学习不够' });
    expect(draft.status).toBe(303);
    expect(draft.headers.get('location')).toMatch(/\?saved=draft$/);
    // The phone sends the same page again (a double tap, a flaky network): stored once.
    expect((await send(link, { version: '0', intent: 'draft', problems: '学习不够' })).status).toBe(303);
    expect((await rowOf(me?.memberId ?? ''))?.material).toMatchObject({ version: 1, state: 'draft' });
    expect((await page(link)).html).toContain('学习不够');
    // Submitting without causes or measures: the page again, each missing part named and linked.
    const incomplete = await send(link, { version: '1', intent: 'submit', problems: '学习不够' });
    expect(incomplete.status).toBe(400);
    const html = await incomplete.text();
    expect(html).toContain('<a href="#s-causes">请写出原因剖析</a>');
    expect(html).toContain('<a href="#s-measures">请至少写一项整改措施和完成时限</a>');
    expect(html).toContain('学习不够');
    expect((await rowOf(me?.memberId ?? ''))?.material).toMatchObject({ version: 1, state: 'draft' });
    // A measure without its deadline is named too.
    const noDeadline = await send(link, { ...full, version: '1', intent: 'submit', m0_d: '' });
    expect(noDeadline.status).toBe(400);
    expect(await noDeadline.text()).toContain('请填写完成时限');
    const sent = await send(link, { ...full, version: '1', intent: 'submit' });
    expect(sent.headers.get('location')).toMatch(/\?saved=submit$/);
    expect((await rowOf(me?.memberId ?? ''))?.state).toBe('submitted');
    // Submitted: the text can no longer change from the link.
    const late = await send(link, { ...full, version: '2', intent: 'draft', problems: '改了' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('不能再修改');
  });

  it('returns a material with a comment, takes the revision, approves it once and freezes it', async () => {
    const me = links[2];
    const link = me?.link ?? '';
    const id = me?.memberId ?? '';
    expect((await send(link, { ...full, version: '0', intent: 'submit' })).status).toBe(303);
    const back = await call(t, leader, 'POST', `/api/self-analyses/${id}/return`, {
      comment: '原因剖析不够深入，请从思想上找根源',
    });
    expect(back.status).toBe(200);
    const returned = await page(link);
    expect(returned.html).toContain('已退回修改');
    expect(returned.html).toContain('原因剖析不够深入，请从思想上找根源');
    const revised = { ...full, causes: '理想信念有所松懈，宗旨意识淡化', version: '3', intent: 'submit' };
    expect((await send(link, { ...revised, version: '2' })).status).toBe(303);
    const approved = await call(t, leader, 'POST', `/api/self-analyses/${id}/approve`);
    expect(approved.status).toBe(200);
    const material = approved.json as SelfAnalysis;
    expect(material.state).toBe('approved');
    expect(material.sha256).toBe(materialSha256(material, material.approvedAt ?? ''));
    expect(material.content.causes).toBe('理想信念有所松懈，宗旨意识淡化');
    // Once approved: no second approval, no return, no edit from the link or by the secretary.
    const again = await call(t, leader, 'POST', `/api/self-analyses/${id}/approve`);
    expect(again.status).toBe(409);
    expect(asRecord(asRecord(again.json).error).code).toBe('ANALYSIS_APPROVED');
    expect(
      (await call(t, leader, 'POST', `/api/self-analyses/${id}/return`, { comment: '再改改' })).status,
    ).toBe(409);
    expect((await send(link, { ...full, version: '4', intent: 'draft' })).status).toBe(409);
    const typed = await call(t, leader, 'PUT', `/api/units/${unitId}/members/${id}/self-analysis`, {
      content: { problems: 'x', causes: 'y', measures: [] },
      version: 4,
      submit: false,
    });
    expect(typed.status).toBe(409);
    const shown = await page(link);
    expect(shown.html).toContain('党组织已认可');
    expect(shown.html).toContain(material.sha256);
    // Approving what was never submitted is refused too.
    const none = await call(t, leader, 'POST', `/api/self-analyses/${links[6]?.memberId}/approve`);
    expect(none.status).toBe(404);
  });

  it('lets the secretary type in a paper material, marked as theirs, and shows it on the member’s link', async () => {
    const me = links[3];
    const typed = await call(t, leader, 'PUT', `/api/units/${unitId}/members/${me?.memberId}/self-analysis`, {
      content: {
        problems: '服务群众意识不强',
        causes: '宗旨意识淡化',
        measures: [{ action: '每月走访困难职工', deadline: '2027-02-28' }],
      },
      version: 0,
      submit: true,
    });
    expect(typed.status).toBe(200);
    expect(typed.json).toMatchObject({ state: 'submitted', enteredBy: demoAccounts.leader.username });
    expect((await page(me?.link ?? '')).html).toContain('代为录入');
    const office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const trail = asRecord(
      (await call(t, office, 'GET', `/api/audit?unit=${unitId}&action=analysis.enter`)).json,
    ).items as { actor: string }[];
    expect(trail.map((e) => e.actor)).toEqual([demoAccounts.leader.username]);
  });

  it('never shows one member another’s material, and a revoked or replaced link opens nothing', async () => {
    const [, , writer, , other] = links;
    const theirs = await page(other?.link ?? '');
    expect(theirs.html).not.toContain('理想信念有所松懈');
    expect(theirs.html).not.toContain(writer?.name ?? '—');
    expect(
      (await call(t, leader, 'DELETE', `/api/units/${unitId}/members/${other?.memberId}/link`)).status,
    ).toBe(204);
    const revoked = await page(other?.link ?? '');
    expect(revoked.status).toBe(404);
    expect(revoked.html).toContain('链接可能已经作废');
    // A lost slip: a new link for the writer; the old one stops working, the new one opens the same material.
    expect(
      (await call(t, leader, 'POST', `/api/units/${unitId}/members/${writer?.memberId}/link`)).status,
    ).toBe(200);
    expect((await page(writer?.link ?? '')).status).toBe(404);
    const now = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/member-links`)).json)
      .items as typeof links;
    const fresh = now.find((l) => l.memberId === writer?.memberId)?.link ?? '';
    expect(fresh).not.toBe(writer?.link);
    expect((await page(fresh)).html).toContain('理想信念有所松懈');
    expect((await page('http://x/m/not-a-token')).status).toBe(404);
  });

  it('stores nothing that connects a personal link to a ballot', async () => {
    const items = await scanAll(t, 'main');
    const ballotBox = JSON.stringify(await scanAll(t, 'ballotBox'));
    const linkItems = items.filter(
      (i) => /^(MLINK#|ANALYSIS#)/.test(String(i.pk)) || String(i.sk).startsWith('MLINKOF#'),
    );
    expect(linkItems.length).toBeGreaterThan(24);
    for (const item of linkItems) {
      for (const value of [String(item.linkHash ?? ''), String(item.linkId ?? '')].filter(Boolean)) {
        expect(ballotBox).not.toContain(value);
      }
      const names = Object.keys(item).join(' ');
      expect(names).not.toMatch(/code|ballot|receipt|vote|session/i);
    }
    // No token is stored as it is.
    for (const l of links) expect(JSON.stringify(items)).not.toContain(l.link.split('/m/')[1]);
  });

  it('shows a member their own appraisal once determined, to them alone, with groups below k withheld', async () => {
    const leader2 = await tokenFor(t, demoAccounts.leader2.username, demoPassword);
    const unit2 = String(
      asRecord(asRecord((await call(t, leader2, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    await call(t, leader2, 'POST', `/api/units/${unit2}/member-links`);
    const theirs = asRecord((await call(t, leader2, 'GET', `/api/units/${unit2}/member-links`)).json)
      .items as typeof links;
    const sessions = asRecord((await call(t, leader2, 'GET', `/api/units/${unit2}/review-sessions`)).json)
      .items as { id: string }[];
    const results = asRecord(
      (await call(t, leader2, 'GET', `/api/review-sessions/${sessions[0]?.id}/results`)).json,
    );
    const tally = asRecord(results.tally).members as {
      id: string;
      byGroup: { member: Record<string, number> | null; mass: Record<string, number> | null };
    }[];
    const determinations = results.determinations as { memberId: string; reason: string }[];
    // Members of the unit graded in its counted session (a probationary member is not): two of them.
    const graded = theirs.filter((l) => tally.some((m) => m.id === l.memberId));
    expect(graded.length).toBeGreaterThan(1);
    for (const [i, l] of graded.slice(0, 2).entries()) {
      const html = (await page(l.link)).html;
      expect(html, l.name).toContain('本人民主评议结果（只有您本人能看到）');
      const mine = determinations.find((d) => d.memberId === l.memberId);
      expect(html).toContain(mine?.reason);
      // Nobody else's name or result is on the page.
      for (const other of theirs.filter((o) => o.memberId !== l.memberId))
        expect(html).not.toContain(other.name);
      const sealed = tally.find((m) => m.id === l.memberId);
      const withheld = [sealed?.byGroup.member, sealed?.byGroup.mass].filter((g) => g === null).length;
      expect(html.split('不单独显示').length - 1, `member ${i}`).toBe(withheld);
      const sheet = await page(`${l.link}/feedback`);
      expect(sheet.status).toBe(200);
      expect(sheet.html).toContain('个人评议情况反馈');
    }
    // The demo's probationary member was not graded, and has no result to see.
    const ungraded = theirs.find((l) => !tally.some((m) => m.id === l.memberId));
    expect(ungraded).toBeDefined();
    expect((await page(ungraded?.link ?? '')).html).not.toContain('本人民主评议结果');
    // Before any determination there is nothing to show (the first unit's session is still open).
    expect((await page(`${links[0]?.link}/feedback`)).status).toBe(404);
    expect((await page(links[0]?.link ?? '')).html).not.toContain('本人民主评议结果');
  });
});
