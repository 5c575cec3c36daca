import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword, demoUnits } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

/** Each person's home says what waits for them, each item a link to where it is done. */
describe('a console that leads', () => {
  let t: TestContext;
  let unitId = '';
  const home = async (username: string) => {
    const who = consoleClient(t);
    await who.signIn(username, demoPassword);
    const res = await who.request('/console');
    const at = res.headers.get('location') ?? '/console';
    return { at, html: (await who.page(at)).html, who };
  };
  const items = (html: string) =>
    [
      ...(html.match(/<section[^>]*aria-labelledby="todo"[\s\S]*?<\/section>/)?.[0] ?? '').matchAll(
        /<li><a href="([^"]+)">([^<]+)<\/a>/g,
      ),
    ].map((m) => ({ href: m[1], text: m[2] }));

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    const leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    const me = asRecord((await call(t, leader, 'GET', '/api/auth/me')).json);
    unitId = String(asRecord(me.scope).unitId);
  }, 60_000);

  it('gives the supervisor the report to approve, then the leader the comment it came back with', async () => {
    const before = items((await home(demoAccounts.supervisor.username)).html);
    // The demo's group has a unit whose masses were not satisfied and measures past their deadline.
    expect(before.map((i) => i.text)).toContain(`整改测评未达标，督促补课：${demoUnits.at(-1)?.name}`);
    expect(before.some((i) => i.text?.startsWith('督促整改：') && i.href?.endsWith('/measures'))).toBe(true);

    const leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    expect((await call(t, leader, 'POST', `/api/units/${unitId}/report`)).status).toBe(201);
    expect((await call(t, leader, 'POST', `/api/units/${unitId}/report/submit`)).status).toBe(200);
    const waiting = items((await home(demoAccounts.supervisor.username)).html);
    expect(waiting).toContainEqual({
      text: `审核分析评议报告：${demoUnits[0]?.name}`,
      href: `/console/units/${unitId}/report`,
    });

    const supervisor = await tokenFor(t, demoAccounts.supervisor.username, demoPassword);
    const back = await call(t, supervisor, 'POST', `/api/units/${unitId}/report/return`, {
      comment: '问题归并过粗，请拆分',
    });
    expect(back.status).toBe(200);
    const own = await home(demoAccounts.leader.username);
    expect(own.at).toBe(`/console/units/${unitId}`);
    expect(own.html).toContain('分析评议报告被督导组退回：问题归并过粗，请拆分');
    expect(own.html).toContain(`href="/console/units/${unitId}/report"`);
    // The unit's steps: what is done, and the next one linked.
    expect(own.html).toContain('活动步骤');
    expect(own.html).toMatch(/<strong><a href="[^"]+">民主评议党员，计票并组织评定<\/a><\/strong>/);
    expect(items((await home(demoAccounts.supervisor.username)).html).map((i) => i.text)).not.toContain(
      `审核分析评议报告：${demoUnits[0]?.name}`,
    );
  });

  it('gives the office the same list across the campaign', async () => {
    const office = await home(demoAccounts.office.username);
    const campaign = office.html.match(/href="(\/console\/campaigns\/[A-Za-z0-9_-]{22})"/)?.[1] ?? '';
    expect(campaign).not.toBe('');
    const page = (await office.who.page(campaign)).html;
    expect(items(page).map((i) => i.text)).toContain(`整改测评未达标，督促补课：${demoUnits.at(-1)?.name}`);
  });

  it('gives each teller the paper slips to enter, and the supervisor the count to confirm, once the vote is over', async () => {
    const leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    const sessions = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/review-sessions`)).json)
      .items as { id: string }[];
    const sessionId = sessions[0]?.id ?? '';
    const href = `/console/review-sessions/${sessionId}`;
    const texts = async (username: string) => items((await home(username)).html);
    // Still casting: nothing to count yet.
    expect((await texts(demoAccounts.supervisor.username)).map((i) => i.href)).not.toContain(href);
    const issued = await call(t, leader, 'PUT', `/api/review-sessions/${sessionId}/paper-issued`, {
      member: 1,
      mass: 1,
    });
    expect(issued.status).toBe(200);
    expect((await call(t, leader, 'POST', `/api/review-sessions/${sessionId}/close`)).status).toBe(200);
    const unit = demoUnits[0]?.name;
    for (const teller of [demoAccounts.teller1, demoAccounts.teller2]) {
      expect(await texts(teller.username)).toContainEqual({ text: `录入民主评议纸质票：${unit}`, href });
    }
    expect(await texts(demoAccounts.supervisor.username)).toContainEqual({
      text: `确认民主评议计票：${unit}`,
      href,
    });
    // Counted: the unit's pending set loses the session, and the item leaves every home.
    const supervisor = await tokenFor(t, demoAccounts.supervisor.username, demoPassword);
    const confirmed = await call(t, supervisor, 'POST', `/api/review-sessions/${sessionId}/count/confirm`, {
      unresolvedSlips: [],
    });
    expect(confirmed.status, JSON.stringify(confirmed.json)).toBe(200);
    for (const username of [demoAccounts.teller1.username, demoAccounts.supervisor.username]) {
      expect((await texts(username)).map((i) => i.href)).not.toContain(href);
    }
  });

  it('keeps a unit’s sessions waiting for their count through an edit of the unit', async () => {
    const office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const opened = await call(t, office, 'POST', `/api/units/${unitId}/review-sessions`, {
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    // The unit is rewritten whole by an edit; its pending set must stay a set the next open can add to.
    const edited = await call(t, office, 'PATCH', `/api/units/${unitId}`, { responsibleTitle: '党总支书记' });
    expect(edited.status).toBe(200);
    const again = await call(t, office, 'POST', `/api/units/${unitId}/review-sessions`, {
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(again.status).toBe(201);
    const unit = asRecord((await call(t, office, 'GET', `/api/units/${unitId}`)).json);
    expect(unit.pendingReviews).toEqual(
      expect.arrayContaining([String(asRecord(opened.json).id), String(asRecord(again.json).id)]),
    );
  });
});
