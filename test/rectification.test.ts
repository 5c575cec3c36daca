import { beforeAll, describe, expect, it } from 'vitest';
import { getMeasure, putMeasure } from '../shared/data/repos/measures';
import { daysLate, isOverdue, type Measure } from '../shared/domain/rectification';
import { asRecord, call, testPassword } from './support/api';
import { consoleClient } from './support/console-client';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('overdue, by the day in China', () => {
  const m = (state: Measure['state'], deadline: string) => ({ state, deadline });
  it('is late only after the deadline day and only while not done', () => {
    expect(isOverdue(m('planned', '2027-01-10'), '2027-01-10')).toBe(false);
    expect(isOverdue(m('underway', '2027-01-10'), '2027-01-11')).toBe(true);
    expect(isOverdue(m('done', '2027-01-10'), '2027-02-11')).toBe(false);
    expect(daysLate(m('planned', '2027-01-10'), '2027-01-13')).toBe(3);
    expect(daysLate(m('planned', '2027-02-28'), '2027-03-01')).toBe(1);
    expect(daysLate(m('done', '2027-01-10'), '2027-01-13')).toBe(0);
  });
});

describe('rectification measures (整改措施)', () => {
  let t: TestContext;
  let f: OrgFixture;
  // The real time while the fixture is built (its rounds close a day from now), then fixed days.
  let clock: Date | undefined;
  let problemId = '';
  let receipt = '';
  let disclosure = '';
  const as = (token: string, method: string, path: string, body?: unknown) =>
    call(t, token, method, `/api/units/${f.ids.u1}${path}`, body);
  const measureBody = (deadline: string) => ({
    problemId,
    action: '建立考勤制度，每月公示出勤情况',
    post: '党支部书记',
    deadline,
  });

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' }, () => clock ?? new Date());
    f = await orgFixture(t);
    await toAppraisal(t, f, f.ids.u1);
    // One person's opinion, merged into the problem the measures answer.
    const sent = await t.app.request(`/api/public/rounds/${f.ids.r1}/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId: 'RECTIFY000000000000001', opinion: '有人上班经常迟到早退' }),
    });
    receipt = String(((await sent.json()) as { receipt: string }).receipt);
    const problem = await as(f.tokens.leader, 'POST', '/problems', {
      title: '纪律松弛，上班迟到早退',
      area: 'unitWork',
      opinionRefs: ['RECTIFY000000000000001'],
    });
    problemId = String(asRecord(problem.json).id);
    expect((await as(f.tokens.leader, 'POST', '/report')).status).toBe(201);
    clock = new Date('2027-01-05T02:00:00Z');
  }, 60_000);

  it('waits for the approved report, and changes nothing before it', async () => {
    const before = (await scanAll(t)).length;
    const res = await as(f.tokens.leader, 'POST', '/measures', measureBody('2027-01-31'));
    expect(res.status).toBe(409);
    expect(asRecord(asRecord(res.json).error).code).toBe('REPORT_NOT_APPROVED');
    expect((await scanAll(t)).length).toBe(before);
    expect((await as(f.tokens.leader, 'POST', '/report/submit')).status).toBe(200);
    const approved = await as(f.tokens.supervisor, 'POST', '/report/approve', { scope: 'public' });
    expect(approved.status).toBe(200);
    disclosure = String(asRecord(approved.json).token);
    // Before any measure: the receipt says so, the disclosure has no rectification section.
    const look = await t.app.request(`/f/${f.ids.r1}/receipt?r=${receipt}`);
    expect(await look.text()).toContain('整改措施正在制定中');
    expect(await (await t.app.request(`/p/${disclosure}`)).text()).not.toContain('整改落实情况');
  });

  it('refuses a problem of another unit, a bad deadline and a person’s name-length post', async () => {
    const other = await call(t, f.tokens.office, 'POST', `/api/units/${f.ids.u2}/problems`, {
      title: '别的单位的问题',
      area: 'unitWork',
      opinionRefs: [],
    });
    const otherId = String(asRecord(other.json).id);
    for (const body of [
      { ...measureBody('2027-01-31'), problemId: otherId },
      measureBody('31/01/2027'),
      { ...measureBody('2027-01-31'), post: 'x'.repeat(41) },
      // 责任岗位 is published: a person's name or phone number is refused, saying what to write.
      { ...measureBody('2027-01-31'), post: '张伟' },
      { ...measureBody('2027-01-31'), post: '13812345678' },
      { ...measureBody('2027-01-31'), owner: '张三' },
    ]) {
      const res = await as(f.tokens.leader, 'POST', '/measures', body);
      expect(res.status).toBe(400);
      expect(asRecord(asRecord(res.json).error).code).toBe('VALIDATION_FAILED');
    }
  });

  it('runs a measure from planned to done, with dated progress and its audit trail', async () => {
    const created = await as(f.tokens.leader, 'POST', '/measures', measureBody('2027-01-31'));
    expect(created.status).toBe(201);
    const id = String(asRecord(created.json).id);
    expect(asRecord(created.json)).toMatchObject({ state: 'planned', progress: [] });

    clock = new Date('2027-01-10T17:30:00Z'); // 01:30 on 11 January in China
    const going = await as(f.tokens.leader, 'POST', `/measures/${id}/progress`, {
      note: '制度已起草，征求意见中',
      state: 'underway',
    });
    expect(going.status).toBe(200);
    expect(asRecord(going.json).progress).toEqual([
      { on: '2027-01-11', note: '制度已起草，征求意见中', state: 'underway' },
    ]);
    const moved = await as(f.tokens.leader, 'PUT', `/measures/${id}`, {
      action: '建立考勤制度，每月公示出勤情况',
      post: '办公室主任',
      deadline: '2027-02-28',
    });
    expect(asRecord(moved.json)).toMatchObject({
      post: '办公室主任',
      deadline: '2027-02-28',
      state: 'underway',
    });
    const done = await as(f.tokens.leader, 'POST', `/measures/${id}/progress`, {
      note: '制度已印发',
      state: 'done',
    });
    expect(asRecord(done.json).state).toBe('done');
    const list = await as(f.tokens.supervisor, 'GET', '/measures');
    expect((asRecord(list.json).items as Measure[]).map((m) => m.id)).toContain(id);

    // The receipt holder and the disclosure page see the measure, its post, deadline and progress.
    for (const path of [`/f/${f.ids.r1}/receipt?r=${receipt}`, `/p/${disclosure}`]) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).toContain('建立考勤制度，每月公示出勤情况');
      expect(html, path).toContain('已完成');
      expect(html, path).toContain('办公室主任');
      expect(html, path).toContain('2027-01-11：制度已起草，征求意见中');
    }
    // The approved report stays as it was approved; the rectification section beside it carries the
    // measure, and each of the four writes was an entry of the publication log.
    const published = asRecord(await (await t.app.request(`/api/public/disclosures/${disclosure}`)).json());
    expect(JSON.stringify(published.published)).not.toContain('考勤制度');
    const rectification = asRecord(published.rectification);
    expect(JSON.stringify(rectification.content)).toContain('建立考勤制度，每月公示出勤情况');
    expect(asRecord(rectification.log).seq).toBe(Number(asRecord(published.log).seq) + 4);

    const audit = (await scanAll(t)).filter((i) => String(i.target ?? '').endsWith(`measure:${id}`));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'measure.create',
      'measure.progress',
      'measure.progress',
      'measure.update',
    ]);
    expect(JSON.stringify(audit)).toContain('"deadlineWas":"2027-01-31"');
  });

  it('lists overdue measures for the supervision group and the office, not once done', async () => {
    clock = new Date('2027-01-05T02:00:00Z');
    const late = String(
      asRecord((await as(f.tokens.leader, 'POST', '/measures', measureBody('2027-01-20'))).json).id,
    );
    const onTime = String(
      asRecord((await as(f.tokens.leader, 'POST', '/measures', measureBody('2027-01-21'))).json).id,
    );
    const overdue = async (token: string, path: string) =>
      (
        asRecord((await call(t, token, 'GET', path)).json).items as { measure: Measure; daysLate: number }[]
      ).map((i) => [i.measure.id, i.daysLate]);
    const groupPath = `/api/groups/${f.ids.g1}/overdue-measures`;
    const campaignPath = `/api/campaigns/${f.ids.a}/overdue-measures`;
    clock = new Date('2027-01-20T15:59:00Z'); // 23:59 on the 20th in China: nothing is late yet
    expect(await overdue(f.tokens.supervisor, groupPath)).toEqual([]);
    clock = new Date('2027-01-20T16:00:00Z'); // midnight: the 20th is over
    expect(await overdue(f.tokens.supervisor, groupPath)).toEqual([[late, 1]]);
    clock = new Date('2027-01-25T04:00:00Z');
    expect(await overdue(f.tokens.office, campaignPath)).toEqual([
      [late, 5],
      [onTime, 4],
    ]);
    await as(f.tokens.leader, 'POST', `/measures/${late}/progress`, { note: '已整改到位', state: 'done' });
    expect(await overdue(f.tokens.supervisor, groupPath)).toEqual([[onTime, 4]]);
    expect(await overdue(f.tokens.office, `/api/groups/${f.ids.g2}/overdue-measures`)).toEqual([]);
  });

  it('refuses a change made from a stale read (409), so two editors cannot overwrite each other', async () => {
    const id = String(
      asRecord((await as(f.tokens.leader, 'POST', '/measures', measureBody('2027-03-01'))).json).id,
    );
    const read = await getMeasure(t.deps, f.ids.u1, id);
    if (!read) throw new Error('no measure');
    await as(f.tokens.leader, 'POST', `/measures/${id}/progress`, { note: '开始整改', state: 'underway' });
    const stale = { ...read, state: 'done' as const, version: read.version + 1 };
    await expect(
      putMeasure(t.deps, stale, { campaignId: f.ids.a, groupId: f.ids.g1 }, read, {
        actor: 'x',
        action: 'measure.progress',
        target: 't',
        detail: {},
      }),
    ).rejects.toMatchObject({ code: 'MEASURE_CHANGED' });
    expect((await getMeasure(t.deps, f.ids.u1, id))?.state).toBe('underway');
  });

  it('lets the leader add a measure and record progress from the console, and shows the supervisor', async () => {
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    const page = `/console/units/${f.ids.u1}/measures`;
    const { html } = await leader.page(page);
    expect(html).toContain('纪律松弛，上班迟到早退');
    expect(html).toContain('添加整改措施');
    const added = await leader.post(`/console/units/${f.ids.u1}/measures`, {
      problemId,
      action: '每周公示考勤结果',
      post: '综合科科长',
      deadline: '2027-06-30',
    });
    expect(added.status).toBe(303);
    expect(decodeURIComponent(added.headers.get('location') ?? '')).toContain('已添加整改措施');
    const after = (await leader.page(page)).html;
    const id =
      after
        .match(/\/measures\/([\w-]+)\/progress/g)
        ?.at(-1)
        ?.split('/')[2] ?? '';
    const noted = await leader.post(`/console/units/${f.ids.u1}/measures/${id}/progress`, {
      note: '已公示第一周',
      state: 'underway',
    });
    expect(decodeURIComponent(noted.headers.get('location') ?? '')).toContain('已记录整改进展');
    const supervisor = consoleClient(t);
    await supervisor.signIn('sup1', testPassword);
    const seen = (await supervisor.page(page)).html;
    expect(seen).toContain('每周公示考勤结果');
    expect(seen).toContain('已公示第一周');
    expect(seen).not.toContain('添加整改措施');
  });
});
