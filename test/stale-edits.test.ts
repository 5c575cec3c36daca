import { beforeAll, describe, expect, it } from 'vitest';
import { getAccount } from '../shared/data/repos/accounts';
import { getDetermination } from '../shared/data/repos/determinations';
import { getMember } from '../shared/data/repos/members';
import { getProblem } from '../shared/data/repos/reports';
import { getUnit } from '../shared/data/repos/units';
import { addAccount, asRecord, call, testPassword, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { confirmCount, openSession, toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * An edit made from a read older than someone else's change is refused (409,
 * a Chinese message saying what the item is now) and changes nothing, no
 * audit record either: units, party members, accounts, problems and the
 * organisation's determinations; on the console where it has a form for it,
 * and through the JSON API.
 */
describe('stale edits', () => {
  let t: TestContext;
  let f: OrgFixture;
  let spare = '';
  const audits = async (target: string) => (await scanAll(t)).filter((i) => i.target === target).length;
  /** A JSON answer refusing a stale edit: 409 with `code`, its message naming what the item is now. */
  const expectRefused = (res: { status: number; json: unknown }, code: string, now: string) => {
    const error = asRecord(asRecord(res.json).error);
    expect(res.status).toBe(409);
    expect(error).toMatchObject({ code });
    expect(String(error.message)).toContain(now);
  };
  /** The flash error of a console form's redirect back to `page` (and that it is no success). */
  const refusedOn = (res: Response, page: string) => {
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location') ?? '', 'http://x');
    expect(location.pathname).toBe(page);
    expect(location.searchParams.get('ok')).toBeNull();
    return location.searchParams.get('error') ?? '';
  };

  /** The hidden version of the page's form that posts to `action`. */
  const versionIn = (html: string, action: string) =>
    html.match(new RegExp(`action="${action}"[^>]*>[\\s\\S]*?name="version" value="(\\d+)"`))?.[1];

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    spare = await tokenFor(t, 'spare');
  }, 60_000);

  it('a unit: a PATCH naming the updatedAt read before another office change answers 409 and changes nothing', async () => {
    const unitPath = `/api/units/${f.ids.u2}`;
    const read = asRecord((await call(t, f.tokens.office, 'GET', unitPath)).json);
    const renamed = `${String(read.name)}（已更名）`;
    const other = await call(t, spare, 'PATCH', unitPath, { name: renamed, updatedAt: read.updatedAt });
    expect(other.status).toBe(200);
    const audited = await audits(`unit:${f.ids.u2}`);

    const stale = await call(t, f.tokens.office, 'PATCH', unitPath, {
      responsibleTitle: '厂长',
      updatedAt: read.updatedAt,
    });
    expectRefused(stale, 'CHANGED_MEANWHILE', renamed);
    expect(String(stale.text)).toContain('已被他人修改');
    expect(await getUnit(t.deps, f.ids.u2)).toMatchObject({ name: renamed, responsibleTitle: '党支部书记' });
    expect(await audits(`unit:${f.ids.u2}`)).toBe(audited);

    const fresh = asRecord((await call(t, f.tokens.office, 'GET', unitPath)).json);
    const again = await call(t, f.tokens.office, 'PATCH', unitPath, {
      responsibleTitle: '厂长',
      updatedAt: fresh.updatedAt,
    });
    expect(again.status).toBe(200);
    expect(await getUnit(t.deps, f.ids.u2)).toMatchObject({ name: renamed, responsibleTitle: '厂长' });
  });

  it('a party member: a PATCH from an older version answers 409 MEMBER_CHANGED and changes nothing', async () => {
    const created = await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, {
      name: '王小明',
      category: 'ordinary',
    });
    const id = String(asRecord(created.json).id);
    const path = `/api/units/${f.ids.u1}/members/${id}`;
    const listed = asRecord((await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/members`)).json);
    const read = (listed.items as { id: string; version: number }[]).find((m) => m.id === id);
    expect(read?.version).toBe(1);

    const other = await call(t, f.tokens.office, 'PATCH', path, { category: 'frontline', version: 1 });
    expect(other.status).toBe(200);
    expect(asRecord(other.json).version).toBe(2);
    const audited = await audits(`unit:${f.ids.u1}/member:${id}`);

    const stale = await call(t, f.tokens.leader, 'PATCH', path, {
      probationary: true,
      version: read?.version,
    });
    expectRefused(stale, 'MEMBER_CHANGED', '生产一线党员');
    expect(await getMember(t.deps, f.ids.u1, id)).toMatchObject({
      category: 'frontline',
      probationary: false,
      version: 2,
    });
    expect(await audits(`unit:${f.ids.u1}/member:${id}`)).toBe(audited);
  });

  describe('an account', () => {
    const username = 'stale-acct';
    beforeAll(async () => {
      await addAccount(t, username, { role: 'office' });
    });

    it('on the console: the toggle from the older page is refused, and the other office’s rename stays', async () => {
      const admin = consoleClient(t);
      await admin.signIn('admin', testPassword);
      const action = `/console/accounts/${username}`;
      const read = versionIn((await admin.page('/console/accounts')).html, action);
      expect(read).toBe('0');

      const renamed = await call(t, spare, 'PATCH', `/api/accounts/${username}`, {
        displayName: '张会计',
        version: 0,
      });
      expect(renamed.status).toBe(200);
      expect(asRecord(renamed.json).version).toBe(1);
      const audited = await audits(`account:${username}`);

      const res = await admin.post(action, {
        disabled: 'true',
        version: read ?? '',
      });
      const error = refusedOn(res, '/console/accounts');
      expect(error).toContain('已被他人修改');
      expect(error).toContain('张会计');
      expect(await getAccount(t.deps, username)).toMatchObject({
        displayName: '张会计',
        disabled: false,
        version: 1,
      });
      expect(await audits(`account:${username}`)).toBe(audited);

      // The page now carries the new version: the toggle goes through.
      expect(versionIn((await admin.page('/console/accounts')).html, action)).toBe('1');
      const fresh = await admin.post(action, { disabled: 'true', version: '1' });
      expect(decodeURIComponent(fresh.headers.get('location') ?? '')).toContain('已更新账号');
      expect(await getAccount(t.deps, username)).toMatchObject({ disabled: true, version: 2 });
    });

    it('through the API: a PATCH from an older version answers 409 ACCOUNT_CHANGED and changes nothing', async () => {
      const before = await getAccount(t.deps, username);
      const version = before?.version ?? 0;
      const other = await call(t, spare, 'PATCH', `/api/accounts/${username}`, { disabled: false, version });
      expect(other.status).toBe(200);
      const audited = await audits(`account:${username}`);

      const stale = await call(t, f.tokens.office, 'PATCH', `/api/accounts/${username}`, {
        displayName: '李出纳',
        version,
      });
      expectRefused(stale, 'ACCOUNT_CHANGED', '状态为正常');
      expect(await getAccount(t.deps, username)).toMatchObject({
        displayName: '张会计',
        disabled: false,
        version: version + 1,
      });
      expect(await audits(`account:${username}`)).toBe(audited);
    });
  });

  it('a problem (no edit form on the console): a PUT from an older version answers 409 PROBLEM_CHANGED', async () => {
    const base = `/api/units/${f.ids.u1}/problems`;
    const body = { title: '会议多，落实少', area: 'unitWork', opinionRefs: [] };
    const created = await call(t, f.tokens.leader, 'POST', base, body);
    expect(created.status).toBe(201);
    const { id, version } = asRecord(created.json) as { id: string; version: number };
    expect(version).toBe(1);

    const other = await call(t, f.tokens.office, 'PUT', `${base}/${id}`, {
      ...body,
      title: '会议多、文件多，落实少',
      version,
    });
    expect(other.status).toBe(200);
    const audited = await audits(`unit:${f.ids.u1}/problem:${id}`);

    const stale = await call(t, f.tokens.leader, 'PUT', `${base}/${id}`, {
      ...body,
      area: 'leader',
      version,
    });
    expectRefused(stale, 'PROBLEM_CHANGED', '会议多、文件多，落实少');
    expect(await getProblem(t.deps, f.ids.u1, id)).toMatchObject({
      title: '会议多、文件多，落实少',
      area: 'unitWork',
      version: 2,
    });
    expect(await audits(`unit:${f.ids.u1}/problem:${id}`)).toBe(audited);
  });

  it('a determination: made from the older session page or API read, it is refused and the other one stays', async () => {
    await toAppraisal(t, f, f.ids.u1);
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    expect((await confirmCount(t, f.tokens.office, s.id)).status).toBe(200);
    const memberId = f.ids.m1;
    const target = `session:${s.id}/member:${memberId}`;
    const apiPath = `/api/review-sessions/${s.id}/determinations/${memberId}`;
    const excellent = { grade: 'excellent', reason: '表现突出' };

    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    const page = `/console/review-sessions/${s.id}`;
    const action = `${page}/determinations`;
    // The whole list is one form; each member's row carries the version it shows.
    const read = (await leader.page(page)).html.match(
      new RegExp(`name="version_${memberId}" value="(\\d+)"`),
    )?.[1];
    expect(read).toBe('0');

    const office = await call(t, f.tokens.office, 'PUT', apiPath, {
      grade: 'competent',
      reason: '履职尽责',
      version: 0,
    });
    expect(office.status).toBe(200);
    expect(asRecord(office.json).version).toBe(1);
    const audited = await audits(target);

    const res = await leader.post(action, {
      [`grade_${memberId}`]: excellent.grade,
      [`reason_${memberId}`]: excellent.reason,
      [`version_${memberId}`]: read ?? '',
    });
    const error = refusedOn(res, page);
    expect(error).toContain('组织评定已被他人修改');
    expect(error).toContain('履职尽责');
    expect(await getDetermination(t.deps, s.id, memberId)).toMatchObject({
      grade: 'competent',
      reason: '履职尽责',
      version: 1,
    });
    expect(await audits(target)).toBe(audited);

    const stale = await call(t, f.tokens.leader, 'PUT', apiPath, { ...excellent, version: 0 });
    expectRefused(stale, 'DETERMINATION_CHANGED', '现在为“合格”');
    expect(await getDetermination(t.deps, s.id, memberId)).toMatchObject({ grade: 'competent', version: 1 });
    expect(await audits(target)).toBe(audited);

    // From the page as it is now, the leader's determination goes through.
    expect((await leader.page(page)).html).toContain(`name="version_${memberId}" value="1"`);
    const fresh = await leader.post(action, {
      [`grade_${memberId}`]: excellent.grade,
      [`reason_${memberId}`]: excellent.reason,
      [`version_${memberId}`]: '1',
    });
    expect(decodeURIComponent(fresh.headers.get('location') ?? '')).toContain('已保存组织评定');
    expect(await getDetermination(t.deps, s.id, memberId)).toMatchObject({ grade: 'excellent', version: 2 });
  });
});
