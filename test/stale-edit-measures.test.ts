import { beforeAll, describe, expect, it } from 'vitest';
import { getMeasure } from '../shared/data/repos/measures';
import { asRecord, call, testPassword } from './support/api';
import { consoleClient } from './support/console-client';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * A measure edited from a page read before someone else's change is refused
 * (409 MEASURE_CHANGED) and changes nothing: on the console and through the API.
 */
describe('a stale edit of a measure', () => {
  let t: TestContext;
  let f: OrgFixture;
  let problemId = '';
  const unitPath = (path: string) => `/api/units/${f.ids.u1}${path}`;
  const as = (token: string, method: string, path: string, body?: unknown) =>
    call(t, token, method, unitPath(path), body);
  const newMeasure = async (deadline: string) => {
    const res = await as(f.tokens.leader, 'POST', '/measures', {
      problemId,
      action: '建立考勤制度，每月公示出勤情况',
      post: '党支部书记',
      deadline,
    });
    expect(res.status).toBe(201);
    return asRecord(res.json) as { id: string; version: number };
  };
  const auditOf = async (id: string) =>
    (await scanAll(t)).filter((i) => String(i.target ?? '').endsWith(`measure:${id}`)).length;

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    await toAppraisal(t, f, f.ids.u1);
    const problem = await as(f.tokens.leader, 'POST', '/problems', {
      title: '纪律松弛，上班迟到早退',
      area: 'unitWork',
      opinionRefs: [],
    });
    problemId = String(asRecord(problem.json).id);
    expect((await as(f.tokens.leader, 'POST', '/report')).status).toBe(201);
    expect((await as(f.tokens.leader, 'POST', '/report/submit')).status).toBe(200);
    expect((await as(f.tokens.supervisor, 'POST', '/report/approve', { scope: 'public' })).status).toBe(200);
  }, 60_000);

  it('on the console: the leader’s save from the older page is refused, and the office’s deadline stays', async () => {
    const { id } = await newMeasure('2027-03-31');
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    const page = `/console/units/${f.ids.u1}/measures`;
    const { html } = await leader.page(page);
    const read = html.match(
      new RegExp(`action="[^"]*/measures/${id}"[^>]*>[\\s\\S]*?name="version" value="(\\d+)"`),
    )?.[1];
    expect(read).toBe('1');

    const moved = await as(f.tokens.office, 'PUT', `/measures/${id}`, {
      action: '建立考勤制度，每月公示出勤情况',
      post: '党支部书记',
      deadline: '2027-05-31',
    });
    expect(moved.status).toBe(200);
    const audited = await auditOf(id);

    const res = await leader.post(`/console/units/${f.ids.u1}/measures/${id}`, {
      action: '建立考勤制度，每月公示出勤情况',
      post: '办公室主任',
      deadline: '2027-04-30',
      version: read ?? '',
    });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '', 'http://x');
    expect(location.pathname).toBe(page);
    const error = location.searchParams.get('error') ?? '';
    expect(error).toContain('已被他人修改');
    expect(error).toContain('2027-05-31');
    expect(location.searchParams.get('ok')).toBeNull();

    const stored = await getMeasure(t.deps, f.ids.u1, id);
    expect(stored).toMatchObject({ deadline: '2027-05-31', post: '党支部书记', version: 2 });
    expect(await auditOf(id)).toBe(audited);
    // The page shows the message, and the form now carries the new version: saving again goes through.
    const again = await leader.page(`${location.pathname}${location.search}`);
    expect(again.html).toContain('已被他人修改');
    const fresh = await leader.post(`/console/units/${f.ids.u1}/measures/${id}`, {
      action: '建立考勤制度，每月公示出勤情况',
      post: '办公室主任',
      deadline: '2027-04-30',
      version: '2',
    });
    expect(decodeURIComponent(fresh.headers.get('location') ?? '')).toContain('已修改整改措施');
    expect(await getMeasure(t.deps, f.ids.u1, id)).toMatchObject({ deadline: '2027-04-30', version: 3 });
  });

  it('on the console: progress recorded from the older page is refused too', async () => {
    const { id } = await newMeasure('2027-03-31');
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    await leader.page(`/console/units/${f.ids.u1}/measures`);
    await as(f.tokens.office, 'POST', `/measures/${id}/progress`, { note: '已整改到位', state: 'done' });
    const res = await leader.post(`/console/units/${f.ids.u1}/measures/${id}/progress`, {
      note: '开始整改',
      state: 'underway',
      version: '1',
    });
    expect(new URL(res.headers.get('location') ?? '', 'http://x').searchParams.get('error')).toContain(
      '已被他人修改',
    );
    expect((await getMeasure(t.deps, f.ids.u1, id))?.state).toBe('done');
  });

  it('through the API: a PUT naming an older version answers 409 MEASURE_CHANGED and changes nothing', async () => {
    const { id, version } = await newMeasure('2027-03-31');
    const body = (deadline: string) => ({
      action: '建立考勤制度，每月公示出勤情况',
      post: '党支部书记',
      deadline,
    });
    const office = await as(f.tokens.office, 'PUT', `/measures/${id}`, { ...body('2027-05-31'), version });
    expect(office.status).toBe(200);
    expect(asRecord(office.json).version).toBe(version + 1);
    const audited = await auditOf(id);

    const stale = await as(f.tokens.leader, 'PUT', `/measures/${id}`, { ...body('2027-04-30'), version });
    expect(stale.status).toBe(409);
    const error = asRecord(asRecord(stale.json).error);
    expect(error.code).toBe('MEASURE_CHANGED');
    expect(String(error.message)).toContain('2027-05-31');
    const progress = await as(f.tokens.leader, 'POST', `/measures/${id}/progress`, {
      note: '开始整改',
      state: 'underway',
      version,
    });
    expect(progress.status).toBe(409);
    expect(asRecord(asRecord(progress.json).error).code).toBe('MEASURE_CHANGED');

    expect(await getMeasure(t.deps, f.ids.u1, id)).toMatchObject({
      deadline: '2027-05-31',
      state: 'planned',
      version: version + 1,
    });
    expect(await auditOf(id)).toBe(audited);
  });
});
