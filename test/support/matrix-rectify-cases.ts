import { type Case, collectsForOwnUnit, readsOwnUnit, review, supervisesCount, unitOf } from './matrix';

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
  collectsForOwnUnit('POST', '/api/units/:unitId/measures/:measureId/progress', (f, s) => ({
    path: `/api/units/${unitOf(f, s)}/measures/${measureOf(s)}/progress`,
    body: { note: '制度已起草', state: 'underway' },
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
  collectsForOwnUnit('POST', '/api/evaluations/:evaluationId/codes/revoke', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/codes/revoke`,
    body: { voterGroup: 'mass' },
  })),
  collectsForOwnUnit('POST', '/api/evaluations/:evaluationId/close', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/close`,
  })),
  supervisesCount('POST', '/api/evaluations/:evaluationId/count', (_f, s) => ({
    path: `/api/evaluations/${evaluationOf(s)}/count`,
  })),
];
