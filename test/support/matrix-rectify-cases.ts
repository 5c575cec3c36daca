import {
  type Case,
  campaignOf,
  collectsForOwnUnit,
  memberOf,
  readsOwnUnit,
  review,
  supervisesCount,
  unitOf,
} from './matrix';

const measureOf = (s: 'own' | 'other') => (s === 'own' ? review.measure1 : review.measure2);
const evaluationOf = (s: 'own' | 'other') => (s === 'own' ? review.evaluation1 : review.evaluation2);

/** The matrix rows of rectification: measures, their progress, the overdue lists, satisfaction evaluations. */
export const rectifyCases: Case[] = [
  readsOwnUnit('GET', '/api/units/:unitId/measures', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/measures`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/measures', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/measures`,
    body: {
      problemId: s === 'own' ? review.problem1 : review.problem2,
      action: '建立考勤制度并每月公示',
      post: '党支部书记',
      deadline: '2027-03-31',
    },
  })),
  collectsForOwnUnit('PUT', '/api/units/:unitId/measures/:measureId', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/measures/${measureOf(s)}`,
    body: { action: '建立考勤制度并每月公示', post: '车间主任', deadline: '2027-04-30' },
  })),
  // From a version it never had: refused as stale (409) once allowed, so the measure stays for the rows after.
  collectsForOwnUnit('DELETE', '/api/units/:unitId/measures/:measureId', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/measures/${measureOf(s)}?version=999`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/measures/:measureId/progress', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/measures/${measureOf(s)}/progress`,
    body: { note: '制度已起草', state: 'underway' },
  })),
  readsOwnUnit('GET', '/api/units/:unitId/member-measures', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/member-measures`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/member-measures/:measureId/progress', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/member-measures/${memberOf(f, s)}-9/progress`,
    body: { note: '已学习三次', state: 'underway' },
  })),
  {
    method: 'GET',
    route: '/api/groups/:groupId/overdue-measures',
    request: (f, s) => ({ path: `/api/groups/${s === 'own' ? f.ids.g1 : f.ids.g2}/overdue-measures` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: [404, 404],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId/overdue-measures',
    request: (f, s) => ({ path: `/api/campaigns/${s === 'own' ? f.ids.a : f.ids.b}/overdue-measures` }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },

  readsOwnUnit('GET', '/api/units/:unitId/evaluations', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/evaluations`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/evaluations', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/evaluations`,
    body: { mode: 'codes', closesAt: '2099-01-01T00:00:00Z' },
  })),
  readsOwnUnit('GET', '/api/evaluations/:evaluationId', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}`,
  })),
  collectsForOwnUnit('POST', '/api/evaluations/:evaluationId/codes', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/codes`,
    body: { voterGroup: 'mass', count: 1 },
  })),
  collectsForOwnUnit('GET', '/api/evaluations/:evaluationId/codes/batches/:batchId', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/codes/batches/${review.batches[evaluationOf(s)]}`,
  })),
  collectsForOwnUnit('POST', '/api/evaluations/:evaluationId/codes/revoke', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/codes/revoke`,
    body: { voterGroup: 'mass' },
  })),
  collectsForOwnUnit('PUT', '/api/evaluations/:evaluationId/paper-issued', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/paper-issued`,
    body: { member: 0, mass: 3 },
  })),
  supervisesCount('PUT', '/api/evaluations/:evaluationId/tellers', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/tellers`,
    body: { teller1: 'sup1', teller2: 'spare' },
  })),
  // As for review slips: the policy lets the supervision group and the office through, the use case
  // then wants the appointed teller after casting closed (409 first while the evaluation is open).
  supervisesCount('PUT', '/api/evaluations/:evaluationId/paper-ballots/:slipNo/tellers/:teller', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/paper-ballots/1/tellers/1`,
    body: { voterGroup: 'mass', overall: 'satisfied', measures: { [measureOf(s)]: 'satisfied' } },
  })),
  readsOwnUnit('GET', '/api/evaluations/:evaluationId/reconciliation', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/reconciliation`,
  })),
  supervisesCount('POST', '/api/evaluations/:evaluationId/count/confirm', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/count/confirm`,
    body: { unresolvedSlips: [] },
  })),
  collectsForOwnUnit('POST', '/api/evaluations/:evaluationId/close', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/close`,
  })),
  supervisesCount('POST', '/api/evaluations/:evaluationId/count', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/count`,
  })),

  readsOwnUnit('GET', '/api/units/:unitId/mechanisms', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/mechanisms`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/mechanisms', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/mechanisms`,
    body: {
      kind: 'supervision',
      title: '党员联系群众制度',
      content: '每名党员联系五户群众',
      adoptedOn: '2027-01-15',
    },
  })),
  readsOwnUnit('GET', '/api/units/:unitId/practices', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/practices`,
  })),
  collectsForOwnUnit('POST', '/api/units/:unitId/practices', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/practices`,
    body: { title: '班前十分钟学习', content: '每天班前十分钟由党员轮流领学，群众自愿参加。' },
  })),
  {
    method: 'POST',
    route: '/api/units/:unitId/practices/:practiceId/typical',
    request: (f, s) => ({
      path: `/api/units/${unitOf(f, s)}/practices/${s === 'own' ? review.practice1 : review.practice2}/typical`,
      body: { typical: true },
    }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId/typical-practices',
    request: (f, s) => ({ path: `/api/campaigns/${campaignOf(f, s)}/typical-practices` }),
    office: 'ok',
    supervisor: ['ok', 404],
    leader: ['ok', 404],
  },
  {
    method: 'GET',
    route: '/api/campaigns/:campaignId/practices',
    request: (f, s) => ({ path: `/api/campaigns/${campaignOf(f, s)}/practices` }),
    office: 'ok',
    supervisor: [403, 403],
    leader: [403, 403],
  },
];
