import { beforeAll, describe, expect, it } from 'vitest';
import { call, unique } from './support/api';
import { campaignBody, memberBody, type OrgFixture, orgFixture, unitBody } from './support/org-fixture';
import { openSession, toAppraisal } from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

type Expect = 'ok' | 403 | 404;
type Side = 'own' | 'other';
interface Case {
  method: string;
  /** The route as registered, e.g. `/api/units/:unitId`. */
  route: string;
  /** The request for a resource inside (`own`) or outside (`other`) the caller's scope. */
  request: (f: OrgFixture, side: Side) => { path: string; body?: unknown; contentType?: string };
  office: Expect;
  supervisor: [own: Expect, other: Expect];
  leader: [own: Expect, other: Expect];
}

// "own" means: the supervisor's group G1 / the leader's unit U1 (in campaign A);
// "other" means: G2 or U2 of the same campaign, or campaign B for campaign-wide routes.
const campaignOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.a : f.ids.b);
const groupOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.g1 : f.ids.g2);
const unitOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.u1 : f.ids.u2);
const memberOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.m1 : f.ids.m2);
const roundOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.r1 : f.ids.r2);
/** Review sessions on U1 and U2, opened in `beforeAll` once both units are in 分析评议. */
const review = { s1: '', s2: '', members1: [] as { id: string }[], members2: [] as { id: string }[] };
const sessionOf = (s: Side) => (s === 'own' ? review.s1 : review.s2);
const sessionMembers = (s: Side) => (s === 'own' ? review.members1 : review.members2);
const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
/** A route any role may read inside its unit and nobody outside it. */
const readsOwnUnit = (method: string, route: string, request: Case['request']): Case => ({
  method,
  route,
  request,
  office: 'ok',
  supervisor: ['ok', 404],
  leader: ['ok', 404],
});
/** A route a unit leader (and the office) may use to collect opinions. */
const collectsForOwnUnit = (method: string, route: string, request: Case['request']): Case => ({
  method,
  route,
  request,
  office: 'ok',
  supervisor: [403, 404],
  leader: ['ok', 404],
});
const groupOfCampaign = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.g1 : f.ids.gb);

const cases: Case[] = [
  {
    method: 'GET',
    route: '/api/campaigns',
    request: () => ({ path: '/api/campaigns' }),
    office: 'ok',
    supervisor: ['ok', 'ok'],
    leader: ['ok', 'ok'],
  },
  {
    method: 'POST',
    route: '/api/campaigns',
    request: () => ({ path: '/api/campaigns', body: campaignBody() }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId',
    request: (f, s) => ({ path: `/api/campaigns/${campaignOf(f, s)}` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  {
    method: 'PATCH',
    route: '/api/campaigns/:campaignId',
    request: (f, s) => ({
      path: `/api/campaigns/${campaignOf(f, s)}`,
      body: { settings: { anonymityK: 5 } },
    }),
    office: 'ok',
    supervisor: [403, 404],
    leader: [403, 404],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId/groups',
    request: (f, s) => ({ path: `/api/campaigns/${campaignOf(f, s)}/groups` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: [404, 404],
  },
  {
    method: 'POST',
    route: '/api/campaigns/:campaignId/groups',
    request: (f, s) => ({
      path: `/api/campaigns/${campaignOf(f, s)}/groups`,
      body: { name: `督导组${unique()}` },
    }),
    office: 'ok',
    supervisor: [403, 404],
    leader: [403, 404],
  },
  {
    method: 'GET',
    route: '/api/groups/:groupId',
    request: (f, s) => ({ path: `/api/groups/${groupOf(f, s)}` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: [404, 404],
  },
  {
    method: 'PATCH',
    route: '/api/groups/:groupId',
    request: (f, s) => ({ path: `/api/groups/${groupOf(f, s)}`, body: { note: '分片包干' } }),
    office: 'ok',
    supervisor: [403, 404],
    leader: [404, 404],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId/units',
    request: (f, s) => ({ path: `/api/campaigns/${campaignOf(f, s)}/units` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  {
    method: 'POST',
    route: '/api/campaigns/:campaignId/units',
    request: (f, s) => ({
      path: `/api/campaigns/${campaignOf(f, s)}/units`,
      body: unitBody(groupOfCampaign(f, s)),
    }),
    office: 'ok',
    supervisor: [403, 404],
    leader: [403, 404],
  },
  {
    method: 'POST',
    route: '/api/campaigns/:campaignId/units/import',
    request: (f, s) => ({
      path: `/api/campaigns/${campaignOf(f, s)}/units/import`,
      body: `单位名称,类型,党组织,第一责任人职务,应到党员数,群众代表数,督导组\n导入单位${unique()},学校,某党支部,书记,5,10,${groupOfCampaign(f, s)}\n`,
      contentType: 'text/csv',
    }),
    office: 'ok',
    supervisor: [403, 404],
    leader: [403, 404],
  },
  {
    method: 'GET',
    route: '/api/units/:unitId',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  {
    method: 'PATCH',
    route: '/api/units/:unitId',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}`, body: { membersDue: 11 } }),
    office: 'ok',
    supervisor: [403, 404],
    leader: [403, 404],
  },
  {
    method: 'POST',
    route: '/api/units/:unitId/stage-request',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}/stage-request`, body: {} }),
    office: 'ok',
    supervisor: [403, 404],
    leader: ['ok', 404],
  },
  {
    method: 'POST',
    route: '/api/units/:unitId/stage-decision',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}/stage-decision`, body: { approve: false } }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: [403, 404],
  },
  {
    method: 'GET',
    route: '/api/units/:unitId/members',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}/members` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  {
    method: 'POST',
    route: '/api/units/:unitId/members',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}/members`, body: memberBody() }),
    office: 'ok',
    supervisor: [403, 404],
    leader: ['ok', 404],
  },
  {
    method: 'PATCH',
    route: '/api/units/:unitId/members/:memberId',
    request: (f, s) => ({
      path: `/api/units/${unitOf(f, s)}/members/${memberOf(f, s)}`,
      body: { category: 'frontline' },
    }),
    office: 'ok',
    supervisor: [403, 404],
    leader: ['ok', 404],
  },
  {
    method: 'DELETE',
    route: '/api/units/:unitId/members/:memberId',
    request: (f, s) => ({ path: `/api/units/${unitOf(f, s)}/members/does-not-exist-${s}` }),
    office: 404,
    supervisor: [403, 404],
    leader: [404, 404],
  },
  {
    method: 'POST',
    route: '/api/units/:unitId/members/import',
    request: (f, s) => ({
      path: `/api/units/${unitOf(f, s)}/members/import`,
      body: `姓名,类别,预备党员\n张${unique()},普通党员,否\n`,
      contentType: 'text/csv',
    }),
    office: 'ok',
    supervisor: [403, 404],
    leader: ['ok', 404],
  },
  {
    method: 'GET',
    route: '/api/accounts',
    request: () => ({ path: '/api/accounts' }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
  {
    method: 'POST',
    route: '/api/accounts',
    request: () => ({
      path: '/api/accounts',
      body: { username: `u${unique()}`, displayName: '新账号', password: 'Long-enough-1', role: 'office' },
    }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
  {
    method: 'PATCH',
    route: '/api/accounts/:username',
    request: () => ({ path: '/api/accounts/spare', body: { displayName: '备用账号' } }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
  readsOwnUnit('GET', '/api/units/:unitId/rounds', (f, s) => ({ path: `/api/units/${unitOf(f, s)}/rounds` })),
  collectsForOwnUnit('POST', '/api/units/:unitId/rounds', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/rounds`,
    body: { closesAt: inADay() },
  })),
  readsOwnUnit('GET', '/api/rounds/:roundId', (f, s) => ({ path: `/api/rounds/${roundOf(f, s)}` })),
  readsOwnUnit('GET', '/api/rounds/:roundId/qr.svg', (f, s) => ({
    path: `/api/rounds/${roundOf(f, s)}/qr.svg`,
  })),
  readsOwnUnit('GET', '/api/rounds/:roundId/qr.png', (f, s) => ({
    path: `/api/rounds/${roundOf(f, s)}/qr.png`,
  })),
  collectsForOwnUnit('PUT', '/api/rounds/:roundId/form', (f, s) => ({
    path: `/api/rounds/${roundOf(f, s)}/form`,
    body: { questions: [] },
  })),
  collectsForOwnUnit('POST', '/api/rounds/:roundId/close', (f, s) => ({
    path: `/api/rounds/${roundOf(f, s)}/close`,
  })),
  readsOwnUnit('GET', '/api/units/:unitId/opinions', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/opinions`,
  })),
  readsOwnUnit('GET', '/api/units/:unitId/opinions/summary', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/opinions/summary`,
  })),
  readsOwnUnit('GET', '/api/units/:unitId/opinions/export', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/opinions/export`,
  })),
  readsOwnUnit('GET', '/api/units/:unitId/review-sessions', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/review-sessions`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/review-sessions', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/review-sessions`,
    body: { closesAt: inADay() },
  })),
  readsOwnUnit('GET', '/api/review-sessions/:sessionId', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}`,
  })),
  collectsForOwnUnit('POST', '/api/review-sessions/:sessionId/codes', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/codes`,
    body: { voterGroup: 'member', count: 2 },
  })),
  collectsForOwnUnit('POST', '/api/review-sessions/:sessionId/codes/revoke', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/codes/revoke`,
    body: { voterGroup: 'mass' },
  })),
  collectsForOwnUnit('PUT', '/api/review-sessions/:sessionId/paper-issued', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/paper-issued`,
    body: { member: 3, mass: 0 },
  })),
  collectsForOwnUnit(
    'PUT',
    '/api/review-sessions/:sessionId/paper-ballots/:slipNo/tellers/:teller',
    (_, s) => ({
      path: `/api/review-sessions/${sessionOf(s)}/paper-ballots/1/tellers/1`,
      body: {
        voterGroup: 'member',
        grades: Object.fromEntries(sessionMembers(s).map((m) => [m.id, 'competent'])),
        satisfaction: 'satisfied',
      },
    }),
  ),
  readsOwnUnit('GET', '/api/review-sessions/:sessionId/reconciliation', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/reconciliation`,
  })),
  readsOwnUnit('GET', '/api/review-sessions/:sessionId/results', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/results`,
  })),
  readsOwnUnit('GET', '/api/review-sessions/:sessionId/receipts', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/receipts`,
  })),
  collectsForOwnUnit('PUT', '/api/review-sessions/:sessionId/determinations/:memberId', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/determinations/${sessionMembers(s)[0]?.id}`,
    body: { grade: 'competent', reason: '组织评定意见' },
  })),
  collectsForOwnUnit('POST', '/api/review-sessions/:sessionId/close', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/close`,
  })),
  {
    method: 'GET',
    route: '/api/audit',
    request: () => ({ path: '/api/audit' }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
];

/** Routes any signed-in person may call on themselves. */
const selfRoutes = new Set(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password']);

function expectOutcome(status: number, expected: Expect, label: string) {
  if (expected === 'ok') {
    // Allowed: the request reaches the use case (409 means it ran into the resource's state, not the policy).
    expect([200, 201, 204, 409], label).toContain(status);
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
    }
  }, 120_000);

  it('covers every /api route the app registers', () => {
    const registered = new Set(
      t.app.routes
        .filter(
          (r) =>
            r.path.startsWith('/api/') &&
            !r.path.startsWith('/api/public/') &&
            r.method !== 'ALL' &&
            !selfRoutes.has(r.path),
        )
        .map((r) => `${r.method} ${r.path}`),
    );
    expect([...registered].sort()).toEqual(cases.map((c) => `${c.method} ${c.route}`).sort());
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
