import { teamAnalysisId } from '../../shared/domain/self-analysis';
import {
  type Case,
  collectsForOwnUnit,
  inADay,
  memberOf,
  readsOwnUnit,
  review,
  roundOf,
  sessionMembers,
  sessionOf,
  supervisesCount,
  unitOf,
} from './matrix';

/** The matrix rows of collection: opinion rounds, opinions, democratic review. */
export const collectCases: Case[] = [
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
  collectsForOwnUnit('GET', '/api/review-sessions/:sessionId/codes/batches/:batchId', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/codes/batches/${review.batches[sessionOf(s)]}`,
  })),
  collectsForOwnUnit('POST', '/api/review-sessions/:sessionId/codes/revoke', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/codes/revoke`,
    body: { voterGroup: 'mass' },
  })),
  collectsForOwnUnit('PUT', '/api/review-sessions/:sessionId/paper-issued', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/paper-issued`,
    body: { member: 3, mass: 0 },
  })),
  supervisesCount('PUT', '/api/review-sessions/:sessionId/tellers', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/tellers`,
    body: { teller1: 'sup1', teller2: 'spare' },
  })),
  supervisesCount('POST', '/api/review-sessions/:sessionId/count/confirm', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/count/confirm`,
    body: { unresolvedSlips: [] },
  })),
  // The supervision group and the office pass the policy; the use case then wants the appointed teller
  // (the sessions are still open here, so they meet 409 first).
  supervisesCount('PUT', '/api/review-sessions/:sessionId/paper-ballots/:slipNo/tellers/:teller', (_, s) => ({
    path: `/api/review-sessions/${sessionOf(s)}/paper-ballots/1/tellers/1`,
    body: {
      voterGroup: 'member',
      grades: Object.fromEntries(sessionMembers(s).map((m) => [m.id, 'competent'])),
      satisfaction: 'satisfied',
    },
  })),
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
  // The problem list and the report (U1's report is submitted by its leader in beforeAll).
  readsOwnUnit('GET', '/api/units/:unitId/problems', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/problems`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/problems', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/problems`,
    body: { title: '新问题', area: 'unitWork', opinionRefs: [] },
  })),
  collectsForOwnUnit('PUT', '/api/units/:unitId/problems/:problemId', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/problems/${s === 'own' ? review.problem1 : review.problem2}`,
    body: { title: '改过的问题', area: 'unitWork', opinionRefs: [] },
  })),
  // From a version it never had: refused (409) once allowed, so the problem stays for the rows after.
  collectsForOwnUnit('DELETE', '/api/units/:unitId/problems/:problemId', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/problems/${s === 'own' ? review.problem1 : review.problem2}?version=999`,
  })),
  readsOwnUnit('GET', '/api/units/:unitId/report', (f, s) => ({ path: `/api/units/${unitOf(f, s)}/report` })),
  collectsForOwnUnit('POST', '/api/units/:unitId/report', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/report`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/report/submit', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/report/submit`,
  })),
  supervisesCount('POST', '/api/units/:unitId/report/approve', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/report/approve`,
    body: { scope: 'unit' },
  })),
  supervisesCount('POST', '/api/units/:unitId/report/return', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/report/return`,
    body: { comment: '请补充' },
  })),
  // Overviews: a supervision group's, and the office's of the whole campaign.
  {
    method: 'GET',
    route: '/api/groups/:groupId/overview',
    request: (f, s) => ({ path: `/api/groups/${s === 'own' ? f.ids.g1 : f.ids.g2}/overview` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: [404, 404],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId/overview',
    request: (f, s) => ({ path: `/api/campaigns/${s === 'own' ? f.ids.a : f.ids.b}/overview?format=csv` }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
  readsOwnUnit('GET', '/api/units/:unitId/self-analyses', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/self-analyses`,
  })),
  ...(['approve', 'return'] as const).map(
    (action): Case => ({
      method: 'POST',
      route: `/api/self-analyses/:id/${action}`,
      request: (f, s) => ({
        path: `/api/self-analyses/${memberOf(f, s)}/${action}`,
        ...(action === 'return' ? { body: { comment: '剖析不够深入' } } : {}),
      }),
      office: 'ok',
      supervisor: ['ok', 404],
      leader: ['ok', 404],
    }),
  ),
  {
    method: 'PUT',
    route: '/api/units/:unitId/members/:memberId/self-analysis',
    request: (f, s) => ({
      path: `/api/units/${unitOf(f, s)}/members/${memberOf(f, s)}/self-analysis`,
      body: { content: { problems: '', causes: '', measures: [] }, version: 0, submit: false },
    }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  collectsForOwnUnit('PUT', '/api/units/:unitId/team-analysis', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/team-analysis`,
    body: { content: { problems: '', causes: '', measures: [] }, version: 0, submit: false },
  })),
  // The leading team's report: the supervision group checks it, never the team itself.
  ...(['approve', 'return'] as const).map(
    (action): Case => ({
      method: 'POST',
      route: `/api/self-analyses/:id/${action}`,
      request: (f, s) => ({
        path: `/api/self-analyses/${teamAnalysisId(unitOf(f, s))}/${action}`,
        ...(action === 'return' ? { body: { comment: '查找问题不够具体' } } : {}),
      }),
      office: 'ok',
      supervisor: ['ok', 404],
      leader: [403, 404],
    }),
  ),
  {
    method: 'POST',
    route: '/api/units/:unitId/self-analyses/publish',
    request: (f, s) => ({
      path: `/api/units/${unitOf(f, s)}/self-analyses/publish`,
      body: { scope: 'members' },
    }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  collectsForOwnUnit('GET', '/api/units/:unitId/member-links', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/member-links`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/member-links', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/member-links`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/members/:memberId/link', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/members/${memberOf(f, s)}/link`,
  })),
  collectsForOwnUnit('DELETE', '/api/units/:unitId/members/:memberId/link', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/members/${memberOf(f, s)}/link`,
  })),
];
