import { beforeAll, describe, expect, it } from 'vitest';
import { dataUrlOf, verifyDisclosure } from '../shared/ops/verify';
import { asRecord, call } from './support/api';
import { opinionCalls } from './support/opinion-fixture';
import { memberBody, type OrgFixture, orgFixture } from './support/org-fixture';
import { cast, confirmCount, marks, mint, openSession, toAppraisal } from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

describe('the analysis report: problems, freeze, approval, disclosure', () => {
  let t: TestContext;
  let f: OrgFixture;
  let refs: string[] = [];
  let round = '';
  const receipts: string[] = [];
  let sessionId = '';
  let memberId = '';
  const { openRound, postJson } = opinionCalls(
    () => t,
    () => f,
  );
  const unit = () => `/api/units/${f.ids.u1}`;
  const as = (token: string, method: string, path: string, body?: unknown) =>
    call(t, token, method, `${unit()}${path}`, body);
  const code = (res: { json: unknown }) => String(asRecord(asRecord(res.json).error).code);

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    await call(t, f.tokens.leader, 'POST', `${unit()}/members`, memberBody());
    round = String((await openRound()).id);
    for (let i = 0; i < 8; i++) {
      const sent = await postJson(round, {
        submissionId: `RPT${String(i).padStart(19, '0')}`,
        respondent: 'mass',
        problems: [i < 6 ? 'discipline' : 'powerView'],
        opinion: `意见${i}`,
      });
      expect(sent.status).toBe(201);
      receipts.push(String(asRecord(sent.json).receipt));
    }
    const list = asRecord((await as(f.tokens.leader, 'GET', '/opinions?limit=100')).json);
    refs = (list.items as { ref: string; opinion: string }[]).map((o) => o.ref);
    expect(refs).toHaveLength(8);
    // A counted review session joins the report.
    await toAppraisal(t, f, f.ids.u1);
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    sessionId = s.id;
    memberId = s.members[0]?.id ?? '';
    for (const c of await mint(t, f.tokens.leader, s.id, 'member', 5)) {
      expect((await cast(t, s.id, c, 'member', marks(s.members))).status).toBe(201);
    }
    await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`);
    expect((await confirmCount(t, f.tokens.supervisor, s.id)).status).toBe(200);
    await t.stream.drain();
  }, 120_000);

  it('merges opinions into problems, most gathered first, only the unit’s own opinions', async () => {
    const big = await as(f.tokens.leader, 'POST', '/problems', {
      title: '纪律松弛，上班迟到早退',
      area: 'ordinary',
      opinionRefs: refs.slice(0, 6),
    });
    expect(big.status).toBe(201);
    const small = await as(f.tokens.leader, 'POST', '/problems', {
      title: '个别干部特权思想',
      area: 'leader',
      opinionRefs: refs.slice(6),
    });
    expect(small.status).toBe(201);
    const foreign = await as(f.tokens.leader, 'POST', '/problems', {
      title: '别的单位',
      area: 'unitWork',
      opinionRefs: ['Z'.repeat(22)],
    });
    expect(foreign.status).toBe(400);
    const list = asRecord((await as(f.tokens.leader, 'GET', '/problems')).json).items as { title: string }[];
    expect(list.map((p) => p.title)).toEqual(['纪律松弛，上班迟到早退', '个别干部特权思想']);
  });

  it('freezes the figures, moves draft → submitted → returned → submitted → approved, and refuses every other move', async () => {
    expect(code(await as(f.tokens.leader, 'POST', '/report/submit'))).toBe('NOT_FOUND');
    const built = await as(f.tokens.leader, 'POST', '/report');
    expect(built.status).toBe(201);
    const report = asRecord(built.json);
    expect(report.state).toBe('draft');
    const published = asRecord(report.published);
    expect(asRecord(published.opinions).total).toBe(8);
    // k = 5: a problem of 2 opinions is published without its count.
    expect(published.problems).toEqual([
      { title: '纪律松弛，上班迟到早退', area: 'ordinary', opinions: 6 },
      { title: '个别干部特权思想', area: 'leader', opinions: null },
    ]);
    expect((published.reviews as unknown[]).length).toBe(1);

    expect((await as(f.tokens.supervisor, 'POST', '/report/approve', { scope: 'public' })).status).toBe(409);
    expect((await as(f.tokens.supervisor, 'POST', '/report/return', { comment: '请补充' })).status).toBe(409);
    expect((await as(f.tokens.leader, 'POST', '/report/submit')).status).toBe(200);
    expect((await as(f.tokens.leader, 'POST', '/report/submit')).status).toBe(409);
    expect((await as(f.tokens.leader, 'POST', '/report')).status).toBe(409);
    // Submitted: the problem list and the determinations are fixed.
    expect(
      code(
        await as(f.tokens.leader, 'POST', '/problems', {
          title: '新问题',
          area: 'unitWork',
          opinionRefs: [],
        }),
      ),
    ).toBe('REPORT_LOCKED');
    const determine = await call(
      t,
      f.tokens.leader,
      'PUT',
      `/api/review-sessions/${sessionId}/determinations/${memberId}`,
      {
        grade: 'competent',
        reason: '表现一般',
      },
    );
    expect(code(determine)).toBe('REPORT_LOCKED');
    // The leader cannot approve; the supervision group returns it with comments.
    expect((await as(f.tokens.leader, 'POST', '/report/approve', { scope: 'public' })).status).toBe(403);
    const returned = await as(f.tokens.supervisor, 'POST', '/report/return', {
      comment: '问题归并过粗，请细化',
    });
    expect(asRecord(returned.json)).toMatchObject({ state: 'draft', returnComment: '问题归并过粗，请细化' });
    // The office submits this time, so the office may not approve it: two people.
    expect((await as(f.tokens.office, 'POST', '/report/submit')).status).toBe(200);
    expect(code(await as(f.tokens.office, 'POST', '/report/approve', { scope: 'public' }))).toBe(
      'SAME_PERSON',
    );
    const approved = await as(f.tokens.supervisor, 'POST', '/report/approve', { scope: 'public' });
    expect(approved.status).toBe(200);
    expect(asRecord(approved.json)).toMatchObject({ state: 'approved', scope: 'public', approvedBy: 'sup1' });

    // Approved: nothing in it changes.
    for (const res of [
      await as(f.tokens.leader, 'POST', '/report'),
      await as(f.tokens.leader, 'POST', '/report/submit'),
      await as(f.tokens.supervisor, 'POST', '/report/approve', { scope: 'unit' }),
      await as(f.tokens.supervisor, 'POST', '/report/return', { comment: '再看看' }),
      await as(f.tokens.leader, 'POST', '/problems', { title: '新问题', area: 'unitWork', opinionRefs: [] }),
      await call(t, f.tokens.leader, 'PUT', `/api/review-sessions/${sessionId}/determinations/${memberId}`, {
        grade: 'competent',
        reason: '表现一般',
      }),
    ]) {
      expect(res.status, res.text).toBe(409);
    }
    const trail = asRecord((await call(t, f.tokens.office, 'GET', '/api/audit?limit=100')).json).items as {
      action: string;
    }[];
    const moves = trail.map((a) => a.action).filter((a) => a.startsWith('report.'));
    expect(moves.reverse()).toEqual([
      'report.build',
      'report.submit',
      'report.return',
      'report.submit',
      'report.approve',
    ]);
  });

  it('publishes the approved report at /p/{token}, whose hash `npm run verify` recomputes', async () => {
    const report = asRecord((await as(f.tokens.leader, 'GET', '/report')).json);
    const link = `https://pingyi.example.cn/p/${String(report.token)}`;
    const page = await t.app.request(new URL(link).pathname, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('分析评议情况公开');
    expect(html).toContain('纪律松弛，上班迟到早退');
    expect(html).toContain(String(report.sha256));
    const viaApp = (url: string) => t.app.request(new URL(url).pathname);
    expect(await verifyDisclosure(link, viaApp)).toMatchObject({ ok: true, computed: report.sha256 });
    // A changed figure no longer matches.
    const tampered = async (url: string) => {
      const body = (await (await viaApp(url)).json()) as { published: { opinions: { total: number } } };
      body.published.opinions.total += 1;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    };
    expect((await verifyDisclosure(link, tampered)).ok).toBe(false);
    expect(dataUrlOf(link)).toBe(`https://pingyi.example.cn/api/public/disclosures/${String(report.token)}`);
    expect((await t.app.request('/p/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    // Approved for everyone holding the QR link: the unit's form page links to it.
    const form = await (await t.app.request(`/f/${round}`)).text();
    expect(form).toContain(`href="/p/${String(report.token)}"`);
  });

  it('tells a receipt holder which problem the opinion fed into, and links the disclosure', async () => {
    const look = (r: string) => t.app.request(`/f/${round}/receipt?r=${encodeURIComponent(r)}`);
    const typed = (receipts[0] ?? '').toLowerCase().replace('-', ' ');
    const found = await look(typed);
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain('纪律松弛，上班迟到早退');
    expect(html).toMatch(/href="\/p\/[A-Za-z0-9_-]{22}"/);
    expect(await (await look('ZZZZ-ZZZZ')).text()).toContain('没有找到这张回执');
    expect((await look('不是回执')).status).toBe(400);
    // The thanks page after sending says where to look the receipt up.
    const thanks = await t.app.request(`/f/${round}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ submissionId: `RPT${'9'.repeat(19)}`, opinion: '再提一条' }).toString(),
    });
    const sentTo = thanks.headers.get('location') ?? '';
    expect(await (await t.app.request(sentTo)).text()).toContain(`/f/${round}/receipt`);
  });
});
