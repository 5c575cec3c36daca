import { beforeAll, describe, expect, it } from 'vitest';
import { ballotsOf } from '../shared/data/repos/ballot-box';
import { getUnit } from '../shared/data/repos/units';
import { EvaluationBallot } from '../shared/domain/evaluation';
import { asRecord, call } from './support/api';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { requestToken, toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

const errorCode = (json: unknown) => asRecord(asRecord(json).error).code;

describe('satisfaction evaluation (群众满意度测评) and the stage rules around it', () => {
  let t: TestContext;
  let f: OrgFixture;
  let clock: Date | undefined;
  let measureId = '';
  const unit = (path: string) => `/api/units/${f.ids.u1}${path}`;
  const stageRequest = () => call(t, f.tokens.leader, 'POST', unit('/stage-request'), {});
  const approveStage = () => call(t, f.tokens.supervisor, 'POST', unit('/stage-decision'), { approve: true });
  const answers = (overall: string, m = overall) => ({ overall, measures: { [measureId]: m } });
  const postJson = async (id: string, body: unknown) => {
    const res = await t.app.request(`/api/public/evaluations/${id}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  /** Posts the page as a browser does, following the redirect to the thanks page (PRG) if one comes. */
  const postForm = async (id: string, fields: Record<string, string>) => {
    const res = await t.app.request(`/e/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(fields).toString(),
    });
    const to = res.headers.get('location');
    if (res.status !== 303 || !to) return res;
    expect(to).toMatch(new RegExp(`^/e/${id}/done\\?r=[0-9A-Z]{4}-[0-9A-Z]{4}$`));
    return t.app.request(to);
  };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' }, () => clock ?? new Date());
    f = await orgFixture(t);
    await toAppraisal(t, f, f.ids.u1);
    await call(t, f.tokens.leader, 'POST', unit('/problems'), {
      title: '纪律松弛，上班迟到早退',
      area: 'unitWork',
      opinionRefs: [],
    });
    expect((await call(t, f.tokens.leader, 'POST', unit('/report'))).status).toBe(201);
    expect((await call(t, f.tokens.leader, 'POST', unit('/report/submit'))).status).toBe(200);
    clock = new Date('2027-01-05T02:00:00Z');
  }, 60_000);

  it('moves into 整改提高 only with the approved report, checked again at approval', async () => {
    const before = (await scanAll(t)).length;
    const refused = await stageRequest();
    expect(refused.status).toBe(409);
    expect(errorCode(refused.json)).toBe('REPORT_NOT_APPROVED');
    expect((await scanAll(t)).length).toBe(before);
    const approved = await call(t, f.tokens.supervisor, 'POST', unit('/report/approve'), { scope: 'public' });
    expect(approved.status).toBe(200);
    expect((await stageRequest()).status).toBe(200);
    expect((await approveStage()).status).toBe(200);
    expect((await getUnit(t.deps, f.ids.u1))?.stage).toBe('rectification');
  });

  it('opens only with measures, and refuses to close 整改提高 before a counted evaluation', async () => {
    const none = await call(t, f.tokens.leader, 'POST', unit('/evaluations'), {
      mode: 'codes',
      closesAt: '2027-02-20T00:00:00Z',
    });
    expect(none.status).toBe(409);
    expect(errorCode(none.json)).toBe('NO_MEASURES');
    const problems = (await call(t, f.tokens.leader, 'GET', unit('/problems'))).json as {
      items: { id: string }[];
    };
    const measure = await call(t, f.tokens.leader, 'POST', unit('/measures'), {
      problemId: problems.items[0]?.id,
      action: '建立考勤制度，每月公示出勤情况',
      post: '党支部书记',
      deadline: '2027-01-31',
    });
    measureId = String(asRecord(measure.json).id);
    const early = await stageRequest();
    expect(early.status).toBe(409);
    expect(errorCode(early.json)).toBe('EVALUATION_NOT_COUNTED');
  });

  it('runs an evaluation by codes: one answer per code, counted by the supervision group, 补课 when too few', async () => {
    const opened = await call(t, f.tokens.leader, 'POST', unit('/evaluations'), {
      mode: 'codes',
      closesAt: '2027-02-20T00:00:00Z',
    });
    expect(opened.status).toBe(201);
    const id = String(asRecord(opened.json).id);
    expect(asRecord(opened.json).link).toBeUndefined();
    const again = await call(t, f.tokens.leader, 'POST', unit('/evaluations'), {
      mode: 'link',
      closesAt: '2027-02-20T00:00:00Z',
    });
    expect(errorCode(again.json)).toBe('EVALUATION_PENDING');
    const minted = await call(t, f.tokens.leader, 'POST', `/api/evaluations/${id}/codes`, {
      voterGroup: 'mass',
      count: 3,
    });
    expect(minted.status).toBe(201);
    const codes = (asRecord(minted.json).codes as { code: string }[]).map((c) => c.code);

    // The slip's code opens the evaluation page, like a review ballot code.
    const page = await t.app.request(`/b/${codes[0]}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('整改情况群众满意度测评');
    expect(html).toContain('建立考勤制度');
    expect(html).toContain(`action="/e/${id}"`);

    // Without a code, an evaluation by codes takes nothing.
    const noCode = await postJson(id, { requestToken: requestToken(), ...answers('satisfied') });
    expect(errorCode(noCode.json)).toBe('CODE_REQUIRED');
    // A missing answer is named, and the code stays unused.
    // (The page a code opens carries the code and its voter group as hidden fields.)
    const partial = await postForm(id, {
      requestToken: requestToken(),
      code: codes[0] ?? '',
      voterGroup: 'mass',
      overall: 'satisfied',
    });
    expect(partial.status).toBe(400);
    expect(await partial.text()).toContain('请评价第1项整改措施');
    const form = await postForm(id, {
      requestToken: requestToken(),
      code: codes[0] ?? '',
      voterGroup: 'mass',
      overall: 'satisfied',
      [`m_${measureId}`]: 'basicallySatisfied',
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('评价已提交');
    const json = await postJson(id, {
      code: codes[1],
      requestToken: requestToken(),
      ...answers('dissatisfied'),
    });
    expect(json.status).toBe(201);
    const reused = await postJson(id, {
      code: codes[1],
      requestToken: requestToken(),
      ...answers('satisfied'),
    });
    expect(reused.status).toBe(409);
    expect(errorCode(reused.json)).toBe('CODE_USED');
    const stored = await ballotsOf(t.deps, id, EvaluationBallot);
    expect(stored).toHaveLength(2);
    // Nothing in a ballot names the code, a person or a time.
    for (const b of stored)
      expect(Object.keys(b).sort()).toEqual([
        'channel',
        'measures',
        'overall',
        'receipt',
        'voteId',
        'voterGroup',
      ]);

    const open = await call(t, f.tokens.supervisor, 'POST', `/api/evaluations/${id}/count`);
    expect(errorCode(open.json)).toBe('EVALUATION_OPEN');
    expect((await call(t, f.tokens.leader, 'POST', `/api/evaluations/${id}/close`)).status).toBe(200);
    expect(
      (await postJson(id, { code: codes[2], requestToken: requestToken(), ...answers('satisfied') })).status,
    ).toBe(410);
    expect((await call(t, f.tokens.leader, 'POST', `/api/evaluations/${id}/count`)).status).toBe(403);
    const counted = await call(t, f.tokens.supervisor, 'POST', `/api/evaluations/${id}/count`);
    expect(counted.status).toBe(200);
    const results = asRecord(asRecord(counted.json).results);
    expect(results.ballots).toBe(2);
    expect(results.withheld).toBe(true);
    expect(asRecord(results.remedial).reason).toBe('tooFew');
    expect((await getUnit(t.deps, f.ids.u1))?.lastEvaluation).toMatchObject({
      id,
      remedial: true,
      rate: null,
    });
    const twice = await call(t, f.tokens.office, 'POST', `/api/evaluations/${id}/count`);
    expect(errorCode(twice.json)).toBe('EVALUATION_COUNTED');
    const closing = await stageRequest();
    expect(errorCode(closing.json)).toBe('REMEDIAL_PENDING');
  });

  it('runs a poll by public link: a retried page is stored once; counted a minute after closing; it decides no verdict', async () => {
    // Five openings at once (a leader and the office, say): the unit holds one pending
    // evaluation in the opening transaction, so exactly one gets through.
    const tries = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(t, f.tokens.leader, 'POST', unit('/evaluations'), {
          mode: 'link',
          closesAt: '2027-02-20T00:00:00Z',
        }),
      ),
    );
    expect(tries.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of tries.filter((x) => x.status === 409))
      expect(errorCode(r.json)).toBe('EVALUATION_PENDING');
    const opened = tries.find((r) => r.status === 201) ?? tries[0];
    const id = String(asRecord(opened?.json).id);
    expect((await getUnit(t.deps, f.ids.u1))?.pendingEvaluation).toBe(id);
    expect(String(asRecord(opened?.json).link)).toMatch(new RegExp(`/e/${id}$`));
    const page = await t.app.request(`/e/${id}`);
    expect(page.status).toBe(200);
    const token = requestToken();
    const fields = { requestToken: token, overall: 'satisfied', [`m_${measureId}`]: 'satisfied' };
    const first = await postForm(id, fields);
    const retry = await postForm(id, fields);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const receipt = (s: string) => s.match(/class="r">([^<]+)</)?.[1];
    expect(receipt(await retry.text())).toBe(receipt(await first.text()));
    for (const a of ['satisfied', 'basicallySatisfied', 'basicallySatisfied', 'dissatisfied', 'unknown']) {
      expect((await postJson(id, { requestToken: requestToken(), ...answers(a) })).status).toBe(201);
    }
    expect(await ballotsOf(t.deps, id, EvaluationBallot)).toHaveLength(6);

    clock = new Date('2027-02-20T00:00:30Z');
    expect((await postJson(id, { requestToken: requestToken(), ...answers('satisfied') })).status).toBe(410);
    const tooEarly = await call(t, f.tokens.supervisor, 'POST', `/api/evaluations/${id}/count`);
    expect(errorCode(tooEarly.json)).toBe('COUNT_TOO_EARLY');
    clock = new Date('2027-02-20T00:01:00Z');
    const counted = await call(t, f.tokens.supervisor, 'POST', `/api/evaluations/${id}/count`);
    expect(counted.status).toBe(200);
    const results = asRecord(asRecord(counted.json).results);
    // 4 of the 5 who could judge: 80%; 不了解 left out.
    expect(asRecord(results.overall).rate).toBeCloseTo(0.8, 10);
    // A poll (意见征询，仅供参考): its figures flag nothing and clear nothing.
    expect(results.poll).toBe(true);
    expect(results.remedial).toEqual({ flagged: false, reason: null, shortMeasures: [] });
    const after = await getUnit(t.deps, f.ids.u1);
    expect(after?.lastEvaluation?.id).not.toBe(id);
    expect(after?.lastEvaluation?.remedial).toBe(true);
    // Counted: nothing pending any more, so a re-evaluation may open.
    expect(after?.pendingEvaluation).toBeUndefined();
    // The 补课 the evaluation by codes found still stands: 80% in a poll does not end the campaign.
    const refused = await stageRequest();
    expect(refused.status).toBe(409);
    expect(errorCode(refused.json)).toBe('REMEDIAL_PENDING');
  });
});
