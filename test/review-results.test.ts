import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call, testPassword } from './support/api';
import { consoleClient } from './support/console-client';
import { memberBody, type OrgFixture, orgFixture } from './support/org-fixture';
import {
  appointTellers,
  cast,
  confirmCount,
  marks,
  mint,
  openSession,
  tellerAccounts,
  toAppraisal,
} from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

describe('democratic review results: tally, paper ballots, determinations', () => {
  let t: TestContext;
  let f: OrgFixture;
  let tellers: Awaited<ReturnType<typeof tellerAccounts>>;

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    tellers = await tellerAccounts(t, f);
    await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, memberBody());
    await toAppraisal(t, f, f.ids.u1);
  }, 60_000);

  it('hides results until the count is confirmed, then tallies exactly the ballots cast; 6 + 4 shows combined only', async () => {
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    expect((await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/results`)).status).toBe(409);
    const memberCodes = await mint(t, f.tokens.leader, s.id, 'member', 6);
    const massCodes = await mint(t, f.tokens.leader, s.id, 'mass', 4);
    const [target] = s.members;
    const plan = ['excellent', 'excellent', 'competent', 'incompetent', 'incompetent', 'basicallyCompetent'];
    for (const [i, code] of memberCodes.entries()) {
      const m = marks(s.members, 'competent', i < 4 ? 'satisfied' : 'unknown');
      m.grades[target?.id ?? ''] = plan[i] ?? 'competent';
      expect((await cast(t, s.id, code, 'member', m)).status).toBe(201);
    }
    for (const code of massCodes) {
      const m = marks(s.members, 'competent', 'dissatisfied');
      m.grades[target?.id ?? ''] = 'incompetent';
      expect((await cast(t, s.id, code, 'mass', m)).status).toBe(201);
    }
    const live = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/reconciliation`)).json,
    );
    expect(asRecord(asRecord(live.groups).member).ballots).toEqual({ online: 6, paper: 0, total: 6 });

    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    // Closed but not yet confirmed: still no results, no receipts.
    expect((await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/results`)).status).toBe(409);
    expect((await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/receipts`)).status).toBe(409);
    // The unit leader, who is among those appraised, cannot confirm the count.
    expect((await confirmCount(t, f.tokens.leader, s.id)).status).toBe(403);
    const confirmed = await confirmCount(t, f.tokens.supervisor, s.id);
    expect(confirmed.status).toBe(200);
    const res = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/results`)).json,
    );
    expect(res).toEqual(asRecord(confirmed.json));
    expect(asRecord(res.count).sha256).toMatch(/^[0-9a-f]{64}$/);
    const tally = asRecord(res.tally);
    expect(tally.ballots).toEqual({ member: 6, mass: 4, total: 10 });
    // Four masses are below k = 5: neither group is shown apart, or combined − members would give them.
    expect(tally.shownApart).toEqual({ member: false, mass: false });
    const row = (tally.members as Record<string, unknown>[]).find((m) => m.id === target?.id) ?? {};
    expect(row.combined).toEqual({
      excellent: 2,
      competent: 1,
      basicallyCompetent: 1,
      incompetent: 6,
      unknown: 0,
    });
    expect(row.byGroup).toEqual({ member: null, mass: null });
    expect(row.flagIncompetent).toBe(true);
    const leadership = asRecord(tally.leadership);
    expect(leadership.byGroup).toEqual({ member: null, mass: null });
    // 4 satisfied, 2 unknown, 4 dissatisfied: (4 + 0) / (10 - 2).
    expect(leadership.satisfactionRate).toBeCloseTo(4 / 8, 10);
    expect(leadership.remedial).toBe(true);
    const receipts = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/receipts`)).json,
    );
    expect(receipts.receipts).toHaveLength(10);
  }, 60_000);

  it('shows members’ and mass representatives’ votes apart in the console when both reach k (5 + 5)', async () => {
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    for (const group of ['member', 'mass'] as const) {
      for (const code of await mint(t, f.tokens.leader, s.id, group, 5)) {
        const m = marks(s.members, group === 'member' ? 'excellent' : 'competent', 'satisfied');
        expect((await cast(t, s.id, code, group, m)).status).toBe(201);
      }
    }
    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    expect((await confirmCount(t, f.tokens.supervisor, s.id)).status).toBe(200);
    const leader = consoleClient(t);
    await leader.signIn('lead1', testPassword);
    const html = await (await leader.request(`/console/review-sessions/${s.id}`)).text();
    expect(html).toContain('党员和群众代表分别评议的票数');
    expect(html).toContain('满意 5，基本满意 0，不满意 0，不了解 0');
    expect(html).not.toContain('票数不分开显示');
    // The same results as files for the supervision group: CSV and XLSX, worded as the page.
    const csv = await call(t, f.tokens.supervisor, 'GET', `/api/review-sessions/${s.id}/results?format=csv`);
    expect(csv.headers.get('content-disposition')).toContain('filename*=UTF-8');
    const lines = csv.text.split('\r\n');
    expect(lines).toContain('收回选票,10 张（党员 5，群众代表 5）');
    const [first] = s.members;
    expect(lines).toContain(`${first?.name},普通党员,5,5,0,0,50.0%,100.0%,,,`);
    expect(lines).toContain(
      '党员,党员：优秀,党员：合格,党员：基本合格,党员：不合格,群众代表：优秀,群众代表：合格,群众代表：基本合格,群众代表：不合格',
    );
    const xlsx = await t.app.request(`/api/review-sessions/${s.id}/results?format=xlsx`, {
      headers: { authorization: `Bearer ${f.tokens.supervisor}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['评议结果', '分别评议']);
    expect(html).toContain('results?format=xlsx');
  }, 60_000);

  it('counts a paper ballot once both tellers enter it alike, and voids a round with more ballots than issued', async () => {
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    await appointTellers(t, f, s.id);
    const paper = (slip: number, teller: 1 | 2, grade: string) =>
      call(
        t,
        teller === 1 ? tellers.tel1 : tellers.tel2,
        'PUT',
        `/api/review-sessions/${s.id}/paper-ballots/${slip}/tellers/${teller}`,
        {
          voterGroup: 'member',
          ...marks(s.members, grade),
        },
      );
    expect(
      (
        await call(t, f.tokens.leader, 'PUT', `/api/review-sessions/${s.id}/paper-issued`, {
          member: 1,
          mass: 0,
        })
      ).status,
    ).toBe(200);
    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    await paper(1, 1, 'competent');
    await paper(1, 2, 'excellent');
    let rec = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/reconciliation`)).json,
    );
    expect(rec.paperMismatches).toEqual([{ slipNo: 1, problem: 'different' }]);
    await paper(1, 2, 'competent');
    rec = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/reconciliation`)).json,
    );
    expect(rec.paperMismatches).toEqual([]);
    expect(asRecord(asRecord(rec.groups).member).ballots).toEqual({ online: 0, paper: 1, total: 1 });
    expect(rec.void).toBe(false);
    await paper(2, 1, 'competent');
    await paper(2, 2, 'competent');
    rec = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/reconciliation`)).json,
    );
    expect(rec.void).toBe(true);
    expect(rec.quorumMet).toBe(false);
  });

  it('records the organisation’s determination apart from the tally, and flags too many 优秀', async () => {
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    expect((await confirmCount(t, f.tokens.office, s.id)).status).toBe(200);
    for (const m of s.members) {
      const res = await call(
        t,
        f.tokens.leader,
        'PUT',
        `/api/review-sessions/${s.id}/determinations/${m.id}`,
        {
          grade: 'excellent',
          reason: '表现突出',
        },
      );
      expect(res.status).toBe(200);
    }
    const res = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/results`)).json,
    );
    expect(res.excellentCap).toEqual({
      allowed: Math.floor(s.members.length / 3 + 1e-9),
      determined: s.members.length,
      exceeded: true,
    });
    expect(res.determinations).toHaveLength(s.members.length);
  });

  it('lets mass representatives mark 不了解 where the campaign allows it, never members, and leaves it out of the rates', async () => {
    const off = await openSession(t, f.tokens.office, f.ids.u1);
    const [massCode] = await mint(t, f.tokens.leader, off.id, 'mass', 1);
    const refused = await cast(t, off.id, massCode ?? '', 'mass', marks(off.members, 'unknown'));
    expect(refused.status).toBe(400);
    await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${off.id}/close`);

    // Campaign A's rules froze at its first round. Campaign B allows 不了解, set before anything opened there.
    const allow = await call(t, f.tokens.office, 'PATCH', `/api/campaigns/${f.ids.b}`, {
      settings: { massUnknown: true },
    });
    expect(allow.status).toBe(200);
    await call(t, f.tokens.office, 'POST', `/api/units/${f.ids.ub}/members`, memberBody());
    await toAppraisal(t, f, f.ids.ub);
    const s = await openSession(t, f.tokens.office, f.ids.ub);
    expect(asRecord(s).massUnknown).toBe(true);
    const page = await t.app.request(`/b/${(await mint(t, f.tokens.office, s.id, 'mass', 1))[0]}`);
    expect(await page.text()).toContain('不了解');
    // A member's ballot has no 不了解: refused with the reason, and the code stays usable.
    const [memberCode] = await mint(t, f.tokens.office, s.id, 'member', 1);
    const memberTry = await cast(t, s.id, memberCode ?? '', 'member', marks(s.members, 'unknown'));
    expect(memberTry.status).toBe(400);
    expect(memberTry.text).toContain('党员投票人不能选“不了解”');
    expect((await cast(t, s.id, memberCode ?? '', 'member', marks(s.members, 'excellent'))).status).toBe(201);
    for (const group of ['member', 'mass'] as const) {
      for (const [i, code] of (await mint(t, f.tokens.office, s.id, group, 5)).entries()) {
        const grade = group === 'member' ? 'excellent' : i < 2 ? 'unknown' : 'competent';
        expect((await cast(t, s.id, code, group, marks(s.members, grade))).status).toBe(201);
      }
    }
    await call(t, f.tokens.office, 'POST', `/api/review-sessions/${s.id}/close`);
    const tally = asRecord(asRecord((await confirmCount(t, f.tokens.office, s.id)).json).tally);
    const [row] = tally.members as Record<string, unknown>[];
    expect(row?.combined).toEqual({
      excellent: 6,
      competent: 3,
      basicallyCompetent: 0,
      incompetent: 0,
      unknown: 2,
    });
    // 不了解 is left out: 6 优秀 of 9 who judged.
    expect(row?.excellentRate).toBeCloseTo(6 / 9, 10);
    expect(row?.qualifiedRate).toBe(1);
    const leader = consoleClient(t);
    await leader.signIn('admin', testPassword);
    const html = await (await leader.request(`/console/review-sessions/${s.id}`)).text();
    expect(html).toContain('<th>不了解</th>');
  }, 60_000);
});
