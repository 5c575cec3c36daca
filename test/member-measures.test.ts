import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import type { MemberMeasure } from '../shared/domain/member-measure';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

type Row = { memberId: string; memberName: string; state: string };

/**
 * An approved 党性分析 material's measures join the unit's rectification
 * list and are followed there like the unit's own, in the console only.
 */
describe('党性分析 measures in the rectification list', () => {
  let t: TestContext;
  let leader = '';
  let unitId = '';
  const measures = async () =>
    asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/member-measures`)).json)
      .items as MemberMeasure[];

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    unitId = String(asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId);
  }, 60_000);

  it('puts an approved material’s measures on the list in the approval’s own transaction, and only then', async () => {
    const rows = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/self-analyses`)).json)
      .items as Row[];
    const approved = rows.filter((r) => r.state === 'approved');
    const submitted = rows.filter((r) => r.state === 'submitted');
    // The demo approved one material; its one measure is listed, planned, with the member's name.
    const before = await measures();
    expect(before.map((m) => m.memberId)).toEqual(approved.map((r) => r.memberId));
    expect(before[0]).toMatchObject({
      id: `${approved[0]?.memberId}-1`,
      memberName: approved[0]?.memberName,
      action: '每周读书一小时并写心得',
      state: 'planned',
      progress: [],
    });
    // A submitted material has nothing on the list until it is approved; then it has.
    const next = submitted[0];
    expect(before.some((m) => m.memberId === next?.memberId)).toBe(false);
    expect((await call(t, leader, 'POST', `/api/self-analyses/${next?.memberId}/approve`)).status).toBe(200);
    const after = await measures();
    expect(after.find((m) => m.memberId === next?.memberId)).toMatchObject({
      action: '每月到班组蹲点两天',
      state: 'planned',
    });
    const audit = (await scanAll(t, 'main')).find(
      (i) => i.action === 'analysis.approve' && String(i.target).endsWith(`analysis:${next?.memberId}`),
    );
    expect(asRecord(audit?.detail).measures).toBe(1);
  });

  it('records progress from the version read, refuses a stale one, and keeps the text as approved', async () => {
    const [m] = await measures();
    const path = `/api/units/${unitId}/member-measures/${m?.id}/progress`;
    const done = await call(t, leader, 'POST', path, { note: '已读完两本书', state: 'underway', version: 1 });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ state: 'underway', version: 2, action: m?.action });
    const stale = await call(t, leader, 'POST', path, { note: '又读一本', state: 'done', version: 1 });
    expect(stale.status).toBe(409);
    expect(asRecord(asRecord(stale.json).error).code).toBe('MEASURE_CHANGED');
    expect(asRecord(asRecord(stale.json).error).message).toContain('正在整改');
    expect((await measures()).find((x) => x.id === m?.id)?.progress).toHaveLength(1);
    const missing = await call(t, leader, 'POST', `/api/units/${unitId}/member-measures/nobody-1/progress`, {
      note: '没有这项',
      state: 'done',
      version: 1,
    });
    expect(missing.status).toBe(404);
    // A field the API does not take (the text) is refused, not applied.
    const rewrite = await call(t, leader, 'POST', path, {
      note: '改写措施',
      state: 'done',
      version: 2,
      action: '改成别的',
    });
    expect(rewrite.status).toBe(400);
    expect((await measures()).find((x) => x.id === m?.id)?.action).toBe(m?.action);
  });

  it('shows them by member on the console’s measures page, with a progress form that returns to the measure', async () => {
    const b = consoleClient(t);
    await b.signIn(demoAccounts.leader.username, demoPassword);
    const page = `/console/units/${unitId}/measures`;
    const html = (await b.page(page)).html;
    const [m] = await measures();
    expect(html).toContain('党性分析材料中的整改措施');
    expect(html).toContain(m?.memberName ?? 'missing');
    expect(html).toContain('已读完两本书');
    expect(html).toContain(`action="/console/units/${unitId}/member-measures/${m?.id}/progress"`);
    const res = await b.post(`/console/units/${unitId}/member-measures/${m?.id}/progress`, {
      note: '心得已交支部',
      state: 'done',
      version: String(m?.version),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain(`#mm-${m?.id}`);
    expect((await measures()).find((x) => x.id === m?.id)?.state).toBe('done');
    // A stale form: the page again with the conflict said in words, nothing recorded.
    const stale = await b.post(`/console/units/${unitId}/member-measures/${m?.id}/progress`, {
      note: '重复提交',
      state: 'done',
      version: String(m?.version),
    });
    expect(stale.status).toBe(303);
    expect(decodeURIComponent(stale.headers.get('location') ?? '')).toContain('已被他人修改');
    expect((await measures()).find((x) => x.id === m?.id)?.progress).toHaveLength(2);
  });

  it('never puts a member’s measure in the published rectification section', async () => {
    const all = await measures();
    const entries = (await scanAll(t, 'main')).filter((i) => String(i.sk).startsWith('PUBLOG#'));
    const rectification = entries.filter((e) => e.kind === 'rectification').map((e) => JSON.stringify(e));
    for (const m of all) for (const e of rectification) expect(e).not.toContain(m.action);
    expect(all.length).toBeGreaterThan(0);
  });
});
