import { beforeAll, describe, expect, it } from 'vitest';
import { getSession, sealResults } from '../shared/data/repos/sessions';
import { asRecord, call } from './support/api';
import { simulateTransactionConflicts } from './support/conflict-simulator';
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
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('counting with tellers (计票): appointed tellers, a confirmation, sealed results', () => {
  let t: TestContext;
  let f: OrgFixture;
  let tellers: Awaited<ReturnType<typeof tellerAccounts>>;

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    simulateTransactionConflicts(t.deps.db);
    f = await orgFixture(t);
    tellers = await tellerAccounts(t, f);
    await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, memberBody());
    await toAppraisal(t, f, f.ids.u1);
  }, 60_000);

  const path = (id: string) => `/api/review-sessions/${id}`;
  const close = (id: string) => call(t, f.tokens.leader, 'POST', `${path(id)}/close`);
  const enter = (
    token: string,
    id: string,
    slip: number,
    side: 1 | 2,
    members: { id: string }[],
    grade = 'competent',
  ) =>
    call(t, token, 'PUT', `${path(id)}/paper-ballots/${slip}/tellers/${side}`, {
      voterGroup: 'member',
      ...marks(members, grade),
    });
  const appoint = (token: string, id: string, teller1: string, teller2: string) =>
    call(t, token, 'PUT', `${path(id)}/tellers`, { teller1, teller2 });
  const ballotBox = () => scanAll(t, 'ballotBox');
  const auditActions = async () => {
    const res = await call(t, f.tokens.office, 'GET', '/api/audit?limit=100');
    return (asRecord(res.json).items as { action: string; target: string; actor: string }[]) ?? [];
  };

  it('appoints two different accounts of the supervision group or the office, never the unit’s own', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    expect((await appoint(t.app ? f.tokens.leader : '', s.id, 'tel1', 'tel2')).status).toBe(403);
    for (const [one, two] of [
      ['tel1', 'tel1'],
      ['lead1', 'tel2'],
      ['tel1', 'nobody-here'],
    ]) {
      const res = await appoint(f.tokens.supervisor, s.id, one ?? '', two ?? '');
      expect(res.status, `${one} + ${two}`).toBe(400);
    }
    const ok = await appoint(f.tokens.supervisor, s.id, 'tel1', 'admin');
    expect(ok.status).toBe(200);
    expect(asRecord(ok.json)).toMatchObject({ teller1: 'tel1', teller2: 'admin' });
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ action: 'review.tellers.appoint', actor: 'sup1' }),
    );
  });

  it('takes entries only after casting closed, only from the appointed teller of that side', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    await appointTellers(t, f, s.id);
    expect((await enter(tellers.tel1, s.id, 1, 1, s.members)).status).toBe(409);
    expect((await close(s.id)).status).toBe(200);
    expect((await enter(f.tokens.leader, s.id, 1, 1, s.members)).status).toBe(403);
    expect((await enter(f.tokens.supervisor, s.id, 1, 1, s.members)).status).toBe(403);
    expect((await enter(tellers.tel1, s.id, 1, 2, s.members)).status).toBe(403);
    expect(await ballotBox()).not.toContainEqual(
      expect.objectContaining({ sk: expect.stringMatching(/^PAPER#/) }),
    );
    expect((await enter(tellers.tel1, s.id, 1, 1, s.members)).status).toBe(200);
    expect((await enter(tellers.tel1, s.id, 1, 1, s.members, 'excellent')).status).toBe(200);
    const trail = (await auditActions()).filter((a) => a.target.endsWith(`session:${s.id}`));
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['review.paper.enter', 'review.paper.correct']),
    );
  });

  it('never lets one account enter both sides of a slip, even after the tellers are swapped', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    await appointTellers(t, f, s.id);
    expect((await close(s.id)).status).toBe(200);
    expect((await enter(tellers.tel1, s.id, 7, 1, s.members)).status).toBe(200);
    expect((await appoint(f.tokens.supervisor, s.id, 'tel2', 'tel1')).status).toBe(200);
    const before = await ballotBox();
    const res = await enter(tellers.tel1, s.id, 7, 2, s.members);
    expect(res.status).toBe(409);
    expect(asRecord(asRecord(res.json).error).code).toBe('SAME_ACCOUNT_BOTH_SIDES');
    expect(await ballotBox()).toEqual(before);
  });

  it('confirms only with the unresolved slips named, by someone who is not a teller; then seals everything', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    await appointTellers(t, f, s.id);
    const [code, spare] = await mint(t, f.tokens.leader, s.id, 'member', 2);
    expect((await cast(t, s.id, code ?? '', 'member', marks(s.members))).status).toBe(201);
    await call(t, f.tokens.leader, 'PUT', `${path(s.id)}/paper-issued`, { member: 3, mass: 0 });
    expect((await close(s.id)).status).toBe(200);
    // Slip 1 agrees, slip 2 differs, slip 3 has only one side.
    for (const [slip, side, grade] of [
      [1, 1, 'competent'],
      [1, 2, 'competent'],
      [2, 1, 'competent'],
      [2, 2, 'incompetent'],
      [3, 1, 'excellent'],
    ] as const) {
      expect(
        (await enter(side === 1 ? tellers.tel1 : tellers.tel2, s.id, slip, side, s.members, grade)).status,
      ).toBe(200);
    }
    expect((await confirmCount(t, tellers.tel1, s.id, [2, 3])).status).toBe(403);
    const unnamed = await confirmCount(t, f.tokens.supervisor, s.id, []);
    expect(unnamed.status).toBe(409);
    expect(asRecord(asRecord(unnamed.json).error).message).toContain('2、3');
    const confirmed = await confirmCount(t, f.tokens.supervisor, s.id, [3, 2]);
    expect(confirmed.status).toBe(200);
    const results = asRecord(confirmed.json);
    expect(asRecord(results.count).unresolvedSlips).toEqual([2, 3]);
    expect(asRecord(results.tally).ballots).toEqual({ member: 2, mass: 0, total: 2 });

    // Sealed: no entry, correction, appointment, code or second confirmation gets through, and nothing changes.
    const box = await ballotBox();
    const main = await getSession(t.deps, s.id);
    const refused = [
      await enter(tellers.tel2, s.id, 3, 2, s.members, 'excellent'),
      await enter(tellers.tel2, s.id, 2, 2, s.members, 'competent'),
      await enter(tellers.tel1, s.id, 9, 1, s.members),
      await appoint(f.tokens.supervisor, s.id, 'tel1', 'admin'),
      await call(t, f.tokens.leader, 'POST', `${path(s.id)}/codes`, { voterGroup: 'member', count: 1 }),
      await call(t, f.tokens.leader, 'POST', `${path(s.id)}/codes/revoke`, { code: spare }),
      await cast(t, s.id, spare ?? '', 'member', marks(s.members)),
      await confirmCount(t, f.tokens.office, s.id, []),
    ];
    for (const r of refused) expect([409, 410], r.text).toContain(r.status);
    expect(await ballotBox()).toEqual(box);
    expect(await getSession(t.deps, s.id)).toEqual(main);
    const again = await call(t, f.tokens.leader, 'GET', `${path(s.id)}/results`);
    expect(asRecord(again.json).tally).toEqual(results.tally);

    // Every accepted write left its audit record: 5 entries, the appointment, the confirmation.
    const trail = (await auditActions()).filter((a) => a.target.endsWith(`session:${s.id}`));
    expect(trail.filter((a) => a.action === 'review.paper.enter')).toHaveLength(5);
    expect(trail.filter((a) => a.action === 'review.count.confirm')).toHaveLength(1);
    expect(trail.filter((a) => a.action === 'review.tellers.appoint')).toHaveLength(1);
  });

  it('refuses a confirmation that read the entries before a later one was written', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    await appointTellers(t, f, s.id);
    expect((await close(s.id)).status).toBe(200);
    expect((await enter(tellers.tel1, s.id, 1, 1, s.members)).status).toBe(200);
    const session = await getSession(t.deps, s.id);
    if (!session) throw new Error('no session');
    const sealed = {
      sessionId: s.id,
      reconciliation: {},
      tally: {},
      unresolvedSlips: [],
      sealedAt: new Date().toISOString(),
      sealedBy: 'admin',
      sha256: '0'.repeat(64),
    };
    const summary = {
      sessionId: s.id,
      countedAt: sealed.sealedAt,
      turnout: null,
      satisfactionRate: null,
      remedial: false,
      incompetentFlags: 0,
    };
    await expect(
      sealResults(t.deps, session, session.paperEntries - 1, sealed, summary),
    ).rejects.toMatchObject({ code: 'COUNT_CHANGED' });
    expect((await getSession(t.deps, s.id))?.countedAt).toBeUndefined();
  });

  it('takes two tellers typing at the same time under AWS’s conflict rules: every entry stored', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    await appointTellers(t, f, s.id);
    await call(t, f.tokens.leader, 'PUT', `${path(s.id)}/paper-issued`, { member: 15, mass: 0 });
    expect((await close(s.id)).status).toBe(200);
    const slips = Array.from({ length: 15 }, (_, i) => i + 1);
    // Each teller types one slip after another; the two type at the same time.
    const typist = async (token: string, side: 1 | 2) => {
      const out = [];
      for (const n of slips) out.push(await enter(token, s.id, n, side, s.members));
      return out;
    };
    const answers = (await Promise.all([typist(tellers.tel1, 1), typist(tellers.tel2, 2)])).flat();
    expect(answers.filter((a) => a.status !== 200).map((a) => a.text)).toEqual([]);
    expect((await getSession(t.deps, s.id))?.paperEntries).toBe(30);
    const confirmed = await confirmCount(t, f.tokens.supervisor, s.id);
    expect(confirmed.status).toBe(200);
    expect(asRecord(asRecord(confirmed.json).tally).ballots).toEqual({ member: 15, mass: 0, total: 15 });
  });
});
