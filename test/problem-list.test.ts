import { beforeAll, describe, expect, it } from 'vitest';
import { problemsOf } from '../shared/data/repos/reports';
import { asRecord, call, testPassword } from './support/api';
import { consoleClient } from './support/console-client';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

const errorCode = (json: unknown) => asRecord(asRecord(json).error).code;

/**
 * The leader's problem list can be put right while the report is a draft:
 * renamed, moved between, split, deleted; nothing ticked merges nothing; and
 * what goes to the supervision group is what was previewed.
 */
describe('correcting the problem list before it goes out', () => {
  let t: TestContext;
  let f: OrgFixture;
  const refs = Array.from({ length: 6 }, (_, i) => `PROBLIST${String(i).padStart(14, '0')}`);
  const unit = (path: string) => `/api/units/${f.ids.u1}${path}`;
  const titles = async () =>
    Object.fromEntries((await problemsOf(t.deps, f.ids.u1)).map((p) => [p.title, [...p.opinionRefs].sort()]));

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    await toAppraisal(t, f, f.ids.u1);
    for (const [i, ref] of refs.entries()) {
      const res = await t.app.request(`/api/public/rounds/${f.ids.r1}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ submissionId: ref, opinion: `上班迟到早退的情况${i}` }),
      });
      expect(res.status).toBe(201);
    }
  }, 60_000);

  it('merges on the opinions page and stays there, moves and splits, and refuses an empty merge', async () => {
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    const opinions = `/console/units/${f.ids.u1}/opinions`;
    await leader.page(opinions);
    const before = (await scanAll(t)).length;
    const empty = await leader.post(`/console/units/${f.ids.u1}/problems`, {
      into: 'new',
      title: '空的问题',
      area: 'unitWork',
      q: 'respondent=mass',
    });
    expect(empty.headers.get('location')).toMatch(/\/opinions\?respondent=mass&error=/);
    expect(decodeURIComponent(empty.headers.get('location') ?? '')).toContain('请先勾选要归并的意见');
    expect((await scanAll(t)).length).toBe(before);

    const merge = (fields: Record<string, string>, picked: string[]) =>
      leader.request(`/console/units/${f.ids.u1}/problems`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([
          ...Object.entries(fields),
          ...picked.map((r) => ['ref', r] as [string, string]),
        ]).toString(),
      });
    const csrf = (await leader.page(opinions)).html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const first = await merge({ _csrf: csrf, into: 'new', title: '纪律松弛', area: 'unitWork' }, refs);
    expect(first.headers.get('location')).toMatch(/\/opinions\?ok=/);
    // The opinions page now says where each opinion went.
    expect((await leader.page(opinions)).html).toContain('纪律松弛');
    // Split: two of them into a new problem; they leave the first.
    await merge({ _csrf: csrf, into: 'new', title: '加班安排不合理', area: 'unitWork' }, refs.slice(0, 2));
    expect(await titles()).toEqual({
      纪律松弛: refs.slice(2).sort(),
      加班安排不合理: refs.slice(0, 2).sort(),
    });
    // Move one back into the problem on the list.
    const target = (await problemsOf(t.deps, f.ids.u1)).find((p) => p.title === '纪律松弛');
    await merge({ _csrf: csrf, into: target?.id ?? '' }, [refs[0] ?? '']);
    expect(await titles()).toEqual({
      纪律松弛: [refs[0], ...refs.slice(2)].sort(),
      加班安排不合理: [refs[1]],
    });
  });

  it('renames, re-areas and deletes from the report page, each from the version shown', async () => {
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    const reportPage = `/console/units/${f.ids.u1}/report`;
    const { html } = await leader.page(reportPage);
    expect(html).toContain('删除');
    const [big, small] = (await problemsOf(t.deps, f.ids.u1)).sort(
      (a, b) => b.opinionRefs.length - a.opinionRefs.length,
    );
    if (!big || !small) throw new Error('two problems');
    const renamed = await leader.post(`/console/units/${f.ids.u1}/problems/${big.id}`, {
      title: '部分党员组织纪律松弛',
      area: 'ordinary',
      version: String(big.version),
    });
    expect(decodeURIComponent(renamed.headers.get('location') ?? '')).toContain('问题已修改');
    // The same form again, from the version it showed: refused, nothing changed.
    const stale = await leader.post(`/console/units/${f.ids.u1}/problems/${big.id}`, {
      title: '又改了一次',
      area: 'unitWork',
      version: String(big.version),
    });
    expect(decodeURIComponent(stale.headers.get('location') ?? '')).toContain('error=');
    const now = (await problemsOf(t.deps, f.ids.u1)).find((p) => p.id === big.id);
    expect(now).toMatchObject({ title: '部分党员组织纪律松弛', area: 'ordinary' });
    expect(now?.opinionRefs.sort()).toEqual(big.opinionRefs.sort());

    // Deleting by the JSON API: an older version is refused; the current one unmerges its opinions.
    const older = await call(t, f.tokens.leader, 'DELETE', unit(`/problems/${small.id}?version=0`));
    expect(errorCode(older.json)).toBe('PROBLEM_CHANGED');
    const gone = await call(
      t,
      f.tokens.leader,
      'DELETE',
      unit(`/problems/${small.id}?version=${small.version}`),
    );
    expect(gone.status).toBe(204);
    expect(Object.keys(await titles())).toEqual(['部分党员组织纪律松弛']);
    const audit = (await scanAll(t)).filter((i) => i.action === 'problem.delete');
    expect(audit).toHaveLength(1);
    expect(asRecord(audit[0]?.detail).title).toBe('加班安排不合理');
    expect((await call(t, f.tokens.leader, 'DELETE', unit(`/problems/${small.id}`))).status).toBe(404);
  });

  it('shows the public page before 报督导组, and never sends a list changed since it was built', async () => {
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    expect((await call(t, f.tokens.leader, 'POST', unit('/report'))).status).toBe(201);
    const preview = `/console/units/${f.ids.u1}/report/preview?for=submit`;
    const shown = (await leader.page(preview)).html;
    expect(shown).toContain('分析评议情况公开');
    expect(shown).toContain('部分党员组织纪律松弛');
    expect(shown).toContain('确认报督导组');

    const [p] = await problemsOf(t.deps, f.ids.u1);
    await call(t, f.tokens.leader, 'PUT', unit(`/problems/${p?.id}`), {
      title: '报告生成后改的名字',
      area: 'ordinary',
      opinionRefs: p?.opinionRefs,
      version: p?.version,
    });
    expect((await leader.page(preview)).html).toContain('请返回，重新生成报告');
    const refused = await call(t, f.tokens.leader, 'POST', unit('/report/submit'));
    expect(errorCode(refused.json)).toBe('REPORT_STALE');
    expect((await call(t, f.tokens.leader, 'POST', unit('/report'))).status).toBe(201);
    expect((await call(t, f.tokens.leader, 'POST', unit('/report/submit'))).status).toBe(200);
    // Submitted: the list is fixed, deleting included.
    const locked = await call(t, f.tokens.leader, 'DELETE', unit(`/problems/${p?.id}`));
    expect(errorCode(locked.json)).toBe('REPORT_LOCKED');
    // The supervisor previews with the scope chosen, then confirms.
    const supervisor = consoleClient(t);
    await supervisor.signIn('sup1', testPassword);
    const approving = (
      await supervisor.page(`/console/units/${f.ids.u1}/report/preview?for=approve&scope=public`)
    ).html;
    expect(approving).toContain('报告生成后改的名字');
    expect(approving).toContain('持本单位二维码的所有人');
    const approved = await supervisor.post(`/console/units/${f.ids.u1}/report/approve`, { scope: 'public' });
    expect(decodeURIComponent(approved.headers.get('location') ?? '')).toContain('已认可');
  });
});
