import { beforeAll, describe, expect, it } from 'vitest';
import { createEvaluation } from '../shared/data/repos/evaluations';
import { putMeasure } from '../shared/data/repos/measures';
import { putPractice } from '../shared/data/repos/mechanisms';
import { putMemberMeasure } from '../shared/data/repos/member-measures';
import { saveOwnMaterial } from '../shared/data/repos/self-analyses';
import { getUnit } from '../shared/data/repos/units';
import { teamAnalysisId } from '../shared/domain/self-analysis';
import { asRecord, call } from './support/api';
import { type Expect, review } from './support/matrix';
import { collectCases } from './support/matrix-collect-cases';
import { rectifyCases } from './support/matrix-rectify-cases';
import { structureCases } from './support/matrix-structure-cases';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { openSession, toAppraisal } from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

const cases = [...structureCases, ...collectCases, ...rectifyCases];

/** Routes any signed-in person may call on themselves. */
const selfRoutes = new Set(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password']);

function expectOutcome(status: number, expected: Expect, label: string) {
  if (expected === 'ok') {
    // Allowed: the request reaches the use case (409 or 410 mean it ran into the resource's state, not
    // the policy: closing a round, session or evaluation that is already over is 410 *_CLOSED).
    expect([200, 201, 204, 409, 410], label).toContain(status);
  } else {
    expect(status, label).toBe(expected);
  }
}

describe('the authorization matrix: every console route × role × own and other scope', () => {
  let t: TestContext;
  let f: OrgFixture;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    for (const [unitId, key] of [
      [f.ids.u1, 's1'],
      [f.ids.u2, 's2'],
    ] as const) {
      await toAppraisal(t, f, unitId);
      const opened = await openSession(t, f.tokens.office, unitId);
      review[key] = opened.id;
      review[key === 's1' ? 'members1' : 'members2'] = opened.members;
      // A problem and a submitted report, so the report routes meet a known state (409 where a move does not apply).
      const problem = await call(t, f.tokens.office, 'POST', `/api/units/${unitId}/problems`, {
        title: '测试问题',
        area: 'unitWork',
        opinionRefs: [],
      });
      review[key === 's1' ? 'problem1' : 'problem2'] = String(asRecord(problem.json).id);
      await call(t, f.tokens.office, 'POST', `/api/units/${unitId}/report`);
      const leaderOfU1 = unitId === f.ids.u1 ? f.tokens.leader : f.tokens.office;
      expect((await call(t, leaderOfU1, 'POST', `/api/units/${unitId}/report/submit`)).status).toBe(200);
      // A measure written straight to the table (the report is not approved here), for the routes that change one.
      const unit = await getUnit(t.deps, unitId);
      const measure = {
        id: `M${key}`,
        unitId,
        problemId: review[key === 's1' ? 'problem1' : 'problem2'],
        action: '建立考勤制度',
        post: '党支部书记',
        deadline: '2027-01-31',
        state: 'planned' as const,
        progress: [],
        updatedAt: new Date().toISOString(),
        version: 1,
      };
      await putMeasure(t.deps, measure, unit ?? { campaignId: '', groupId: '' }, undefined, {
        actor: 'test',
        action: 'measure.create',
        target: 'test',
        detail: {},
      });
      review[key === 's1' ? 'measure1' : 'measure2'] = measure.id;
      // An open evaluation by codes, also written straight (the unit is not in 整改提高 here).
      const now = new Date().toISOString();
      const evaluation = {
        id: `E${key}0000000000000000000`,
        unitId,
        campaignId: unit?.campaignId ?? '',
        groupId: unit?.groupId ?? '',
        unitName: unit?.name ?? '',
        mode: 'codes' as const,
        items: [{ measureId: measure.id, problem: '测试问题', action: measure.action }],
        due: { member: 3, mass: 5 },
        paperIssued: { member: 0, mass: 0 },
        paperEntries: 0,
        opensAt: now,
        closesAt: '2099-01-01T00:00:00.000Z',
        createdAt: now,
        createdBy: 'test',
      };
      await createEvaluation(t.deps, 'test', evaluation);
      review[key === 's1' ? 'evaluation1' : 'evaluation2'] = evaluation.id;
      const practice = {
        id: `P${key}`,
        unitId,
        unitName: unit?.name ?? '',
        campaignId: unit?.campaignId ?? '',
      };
      await putPractice(t.deps, {
        ...practice,
        title: '班前十分钟学习',
        content: '每天班前十分钟由党员轮流领学。',
        submittedAt: now,
        submittedBy: 'test',
      });
      review[key === 's1' ? 'practice1' : 'practice2'] = practice.id;
      // A submitted 党性分析 of the unit's member, for the routes of 组织把关.
      const memberId = unitId === f.ids.u1 ? f.ids.m1 : f.ids.m2;
      await saveOwnMaterial(t.deps, {
        id: memberId,
        unitId,
        campaignId: unit?.campaignId ?? '',
        groupId: unit?.groupId ?? '',
        memberName: '测试党员',
        category: 'ordinary',
        state: 'submitted',
        content: {
          problems: '学习不够',
          causes: '放松要求',
          measures: [{ action: '每周学习', deadline: '2027-01-31' }],
        },
        version: 1,
        updatedAt: now,
        submittedAt: now,
      });
      // The leading team's report, submitted, for the routes the supervision group alone may use.
      await saveOwnMaterial(t.deps, {
        id: teamAnalysisId(unitId),
        unitId,
        campaignId: unit?.campaignId ?? '',
        groupId: unit?.groupId ?? '',
        memberName: '领导班子',
        category: 'leader',
        state: 'submitted',
        content: {
          problems: '联系群众不够',
          causes: '宗旨意识淡化',
          measures: [{ action: '每月蹲点', deadline: '2027-01-31' }],
        },
        version: 1,
        updatedAt: now,
        submittedAt: now,
        team: true,
      });
      // One of its measures on the rectification list (as an approval puts it), for the progress route.
      await putMemberMeasure(
        t.deps,
        {
          id: `${memberId}-9`,
          unitId,
          memberId,
          memberName: '测试党员',
          action: '每周学习',
          deadline: '2027-01-31',
          state: 'planned',
          progress: [],
          updatedAt: now,
          version: 1,
        },
        { actor: 'test', action: 'test', target: 'test', detail: {} },
      );
      for (const vote of [`/api/review-sessions/${opened.id}`, `/api/evaluations/${evaluation.id}`]) {
        const minted = await call(t, f.tokens.office, 'POST', `${vote}/codes`, {
          voterGroup: 'mass',
          count: 1,
        });
        review.batches[vote.split('/')[3] ?? ''] = String(asRecord(minted.json).batchId);
      }
    }
  }, 120_000);

  it('covers every /api route the app registers', () => {
    const registered = new Set(
      t.app.allRoutes
        .filter(
          (r) =>
            r.path.startsWith('/api/') &&
            !r.path.startsWith('/api/public/') &&
            r.method !== 'ALL' &&
            !selfRoutes.has(r.path),
        )
        .map((r) => `${r.method} ${r.path}`),
    );
    // A route may have more than one row (the same route on a member's material and on the team's).
    expect([...registered].sort()).toEqual([...new Set(cases.map((c) => `${c.method} ${c.route}`))].sort());
  });

  for (const c of cases) {
    describe(`${c.method} ${c.route}`, () => {
      it('asks for a sign-in when anonymous', async () => {
        const req = c.request(f, 'own');
        const res = await call(t, undefined, c.method, req.path, req.body, req.contentType);
        expect(res.status).toBe(401);
      });
      it(`office: ${c.office}`, async () => {
        const req = c.request(f, 'own');
        const res = await call(t, f.tokens.office, c.method, req.path, req.body, req.contentType);
        expectOutcome(res.status, c.office, res.text);
      });
      for (const role of ['supervisor', 'leader'] as const) {
        (['own', 'other'] as const).forEach((side, i) => {
          const expected = c[role][i] as Expect;
          it(`${role}, ${side} scope: ${expected}`, async () => {
            const req = c.request(f, side);
            const res = await call(t, f.tokens[role], c.method, req.path, req.body, req.contentType);
            expectOutcome(res.status, expected, res.text);
          });
        });
      }
    });
  }

  it('answers out-of-scope exactly like a missing resource', async () => {
    const hidden = await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u2}`);
    const missing = await call(t, f.tokens.leader, 'GET', '/api/units/no-such-unit');
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual(missing.json);
  });

  it('lists only what is in scope', async () => {
    const units = async (token: string) => {
      const res = await call(t, token, 'GET', `/api/campaigns/${f.ids.a}/units`);
      return (res.json as { items: { id: string }[] }).items.map((u) => u.id);
    };
    expect(await units(f.tokens.leader)).toEqual([f.ids.u1]);
    const forSupervisor = await units(f.tokens.supervisor);
    expect(forSupervisor).toContain(f.ids.u1);
    expect(forSupervisor).not.toContain(f.ids.u2);
    expect(await units(f.tokens.office)).toEqual(expect.arrayContaining([f.ids.u1, f.ids.u2]));
    const campaigns = await call(t, f.tokens.supervisor, 'GET', '/api/campaigns');
    expect((campaigns.json as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([f.ids.a]);
  });
});
