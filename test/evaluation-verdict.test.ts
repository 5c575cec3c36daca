import { beforeAll, describe, expect, it } from 'vitest';
import { getPublicationHead } from '../shared/data/repos/publication-log';
import { getUnit } from '../shared/data/repos/units';
import { verifyDisclosure } from '../shared/ops/verify';
import { asRecord, call } from './support/api';
import { simulateTransactionConflicts } from './support/conflict-simulator';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { requestToken, tellerAccounts, toAppraisal } from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

const errorCode = (json: unknown) => asRecord(asRecord(json).error).code;

/**
 * The verdict (补课, 活动结束) comes from one answer per person: evaluations
 * with single-use codes, online or on paper through two tellers. A poll by
 * open link informs and decides nothing, however many answers one client sends.
 */
describe('who decides a unit’s 补课: one answer per person', () => {
  let t: TestContext;
  let f: OrgFixture;
  let clock: Date | undefined;
  let measureId = '';
  let disclosure = '';
  const logHead = async () => (await getPublicationHead(t.deps, f.ids.a))?.seq;
  const viaApp = (url: string) => t.app.request(new URL(url).pathname);
  const link = () => `http://x/p/${disclosure}`;
  let tellers: Awaited<ReturnType<typeof tellerAccounts>>;
  const unit = (path: string) => `/api/units/${f.ids.u1}${path}`;
  const answers = (overall: string) => ({ overall, measures: { [measureId]: overall } });
  const cast = async (id: string, body: unknown) => {
    const res = await t.app.request(`/api/public/evaluations/${id}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.status;
  };
  const open = async (mode: 'codes' | 'link') => {
    const res = await call(t, f.tokens.leader, 'POST', unit('/evaluations'), {
      mode,
      closesAt: '2027-02-20T00:00:00Z',
    });
    expect(res.status).toBe(201);
    return String(asRecord(res.json).id);
  };
  const ev = (id: string, path = '') => `/api/evaluations/${id}${path}`;

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn', FLOOD_BURST: '5000' }, () => clock ?? new Date());
    // Casting on AWS's conflict semantics: concurrent transactions on one item can fail and are retried.
    simulateTransactionConflicts(t.deps.db);
    f = await orgFixture(t);
    tellers = await tellerAccounts(t, f);
    await toAppraisal(t, f, f.ids.u1);
    await call(t, f.tokens.leader, 'POST', unit('/problems'), {
      title: '纪律松弛',
      area: 'unitWork',
      opinionRefs: [],
    });
    await call(t, f.tokens.leader, 'POST', unit('/report'));
    await call(t, f.tokens.leader, 'POST', unit('/report/submit'));
    const approved = await call(t, f.tokens.supervisor, 'POST', unit('/report/approve'), { scope: 'public' });
    disclosure = String(asRecord(approved.json).token);
    await call(t, f.tokens.leader, 'POST', unit('/stage-request'), {});
    await call(t, f.tokens.supervisor, 'POST', unit('/stage-decision'), { approve: true });
    const problems = (await call(t, f.tokens.leader, 'GET', unit('/problems'))).json as {
      items: { id: string }[];
    };
    const measure = await call(t, f.tokens.leader, 'POST', unit('/measures'), {
      problemId: problems.items[0]?.id,
      action: '建立考勤制度',
      post: '党支部书记',
      deadline: '2027-01-31',
    });
    measureId = String(asRecord(measure.json).id);
    clock = new Date('2027-01-05T02:00:00Z');
  }, 60_000);

  it('takes 50 answers from one client to a poll, counts them, and changes no verdict', async () => {
    const headBefore = await logHead();
    const id = await open('link');
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () =>
        cast(id, { requestToken: requestToken(), ...answers('dissatisfied') }),
      ),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    clock = new Date('2027-02-20T00:01:00Z');
    const counted = await call(t, f.tokens.supervisor, 'POST', ev(id, '/count'));
    expect(counted.status).toBe(200);
    const results = asRecord(asRecord(counted.json).results);
    expect(results.ballots).toBe(50);
    expect(results.poll).toBe(true);
    expect(asRecord(results.overall).rate).toBe(0);
    // 0% in a poll flags nothing: the unit has no verdict yet and cannot close on it either.
    expect(results.remedial).toMatchObject({ flagged: false, reason: null });
    expect((await getUnit(t.deps, f.ids.u1))?.lastEvaluation).toBeUndefined();
    // Nor is it published: the disclosure's rectification section and the log did not move.
    expect(await logHead()).toBe(headBefore);
    expect((await verifyDisclosure(link(), viaApp)).ok).toBe(true);
    const refused = await call(t, f.tokens.leader, 'POST', unit('/stage-request'), {});
    expect(errorCode(refused.json)).toBe('EVALUATION_NOT_COUNTED');
    // The page and its results say what it is.
    const page = await call(t, f.tokens.supervisor, 'GET', `/console/units/${f.ids.u1}/evaluations`);
    expect(page.text).toContain('仅供参考');
  });

  it('counts 50 codes cast at once and paper slips through two tellers, and that decides', async () => {
    clock = new Date('2027-03-01T02:00:00Z');
    const id = await call(t, f.tokens.leader, 'POST', unit('/evaluations'), {
      mode: 'codes',
      closesAt: '2027-03-20T00:00:00Z',
    }).then((r) => String(asRecord(r.json).id));
    const minted = await call(t, f.tokens.leader, 'POST', ev(id, '/codes'), {
      voterGroup: 'mass',
      count: 50,
      confirmExcess: true,
    });
    expect(minted.status, minted.text).toBe(201);
    const codes = (asRecord(minted.json).codes as { code: string }[]).map((c) => c.code);
    expect(codes).toHaveLength(50);
    // Four paper slips handed out at a meeting.
    expect(
      (await call(t, f.tokens.leader, 'PUT', ev(id, '/paper-issued'), { member: 0, mass: 4 })).status,
    ).toBe(200);
    const statuses = await Promise.all(
      codes.map((code, i) =>
        cast(id, {
          code,
          voterGroup: 'mass',
          requestToken: requestToken(),
          ...answers(i < 40 ? 'satisfied' : 'dissatisfied'),
        }),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    // A used code casts no second answer.
    expect(
      await cast(id, {
        code: codes[0],
        voterGroup: 'mass',
        requestToken: requestToken(),
        ...answers('dissatisfied'),
      }),
    ).toBe(409);

    expect((await call(t, f.tokens.leader, 'POST', ev(id, '/close'))).status).toBe(200);
    const appoint = await call(t, f.tokens.supervisor, 'PUT', ev(id, '/tellers'), {
      teller1: 'tel1',
      teller2: 'tel2',
    });
    expect(appoint.status).toBe(200);
    const enter = (token: string, slip: number, side: 1 | 2, overall: string) =>
      call(t, token, 'PUT', ev(id, `/paper-ballots/${slip}/tellers/${side}`), {
        voterGroup: 'mass',
        ...answers(overall),
      });
    // The teller's console page offers the slip: overall, then each measure.
    const form = await call(t, tellers.tel1, 'GET', `/console/evaluations/${id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('录入纸质票（您是第1计票人）');
    expect(form.text).toContain('措施1：建立考勤制度');
    // The unit's own leader never enters slips; each side only by its teller.
    expect((await enter(f.tokens.leader, 1, 1, 'satisfied')).status).toBe(403);
    expect(errorCode((await enter(tellers.tel2, 1, 1, 'satisfied')).json)).toBe('NOT_TELLER');
    for (const slip of [1, 2, 3, 4]) {
      expect((await enter(tellers.tel1, slip, 1, 'satisfied')).status).toBe(200);
      // Slip 4 is read differently by the second teller: it stays unresolved.
      expect((await enter(tellers.tel2, slip, 2, slip === 4 ? 'dissatisfied' : 'satisfied')).status).toBe(
        200,
      );
    }
    const live = await call(t, f.tokens.supervisor, 'GET', ev(id, '/reconciliation'));
    expect(asRecord(asRecord(asRecord(live.json).groups).mass).ballots).toEqual({
      online: 50,
      paper: 3,
      total: 53,
    });

    expect(
      errorCode(
        (await call(t, tellers.tel1, 'POST', ev(id, '/count/confirm'), { unresolvedSlips: [4] })).json,
      ),
    ).toBe('TELLER_CANNOT_CONFIRM');
    const unnamed = await call(t, f.tokens.supervisor, 'POST', ev(id, '/count/confirm'), {
      unresolvedSlips: [],
    });
    expect(errorCode(unnamed.json)).toBe('UNRESOLVED_SLIPS_DIFFER');
    const sealed = await call(t, f.tokens.supervisor, 'POST', ev(id, '/count/confirm'), {
      unresolvedSlips: [4],
    });
    expect(sealed.status).toBe(200);
    const results = asRecord(asRecord(sealed.json).results);
    expect(results).toMatchObject({ ballots: 53, poll: false, unresolvedSlips: [4] });
    // 43 of 53 satisfied: 81.1%, above the threshold; the unit's verdict is this evaluation's.
    expect(asRecord(results.overall).counts).toMatchObject({ satisfied: 43, dissatisfied: 10 });
    expect(asRecord(results.remedial).flagged).toBe(false);
    expect((await getUnit(t.deps, f.ids.u1))?.lastEvaluation).toMatchObject({ id, remedial: false });
    // Published with the disclosure, as a new entry of the campaign's publication log.
    const shown = asRecord(await (await viaApp(`http://x/api/public/disclosures/${disclosure}`)).json());
    const rectification = asRecord(shown.rectification);
    expect(asRecord(asRecord(rectification.content).evaluation).overallRate).toBe(
      asRecord(results.overall).rate,
    );
    expect(asRecord(rectification.log).seq).toBe(await logHead());
    expect((await verifyDisclosure(link(), viaApp)).ok).toBe(true);
    // Sealed: no teller entry is taken any more.
    expect(errorCode((await enter(tellers.tel1, 4, 1, 'dissatisfied')).json)).toBe('EVALUATION_COUNTED');
    expect((await call(t, f.tokens.leader, 'POST', unit('/stage-request'), {})).status).toBe(200);
  }, 60_000);
});
