import type { OrgFixture } from './org-fixture';

/** The authorization matrix's vocabulary: a route, a request inside or outside the caller's scope, and what each role gets. */
export type Expect = 'ok' | 403 | 404;
export type Side = 'own' | 'other';
export interface Case {
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
export const campaignOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.a : f.ids.b);
export const groupOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.g1 : f.ids.g2);
export const unitOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.u1 : f.ids.u2);
export const memberOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.m1 : f.ids.m2);
export const roundOf = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.r1 : f.ids.r2);
/** Review sessions on U1 and U2, opened in `beforeAll` once both units are in 分析评议. */
export const review = {
  s1: '',
  s2: '',
  members1: [] as { id: string }[],
  members2: [] as { id: string }[],
  problem1: '',
  problem2: '',
  measure1: '',
  measure2: '',
  evaluation1: '',
  evaluation2: '',
  practice1: '',
  practice2: '',
  /** A minted batch of each session and evaluation, for the reprint routes. */
  batches: {} as Record<string, string>,
};
export const sessionOf = (s: Side) => (s === 'own' ? review.s1 : review.s2);
export const sessionMembers = (s: Side) => (s === 'own' ? review.members1 : review.members2);
export const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
/** A route any role may read inside its unit and nobody outside it. */
export const readsOwnUnit = (method: string, route: string, request: Case['request']): Case => ({
  method,
  route,
  request,
  office: 'ok',
  supervisor: ['ok', 404],
  leader: ['ok', 404],
});
/** A route a unit leader (and the office) may use to collect opinions. */
export const collectsForOwnUnit = (method: string, route: string, request: Case['request']): Case => ({
  method,
  route,
  request,
  office: 'ok',
  supervisor: [403, 404],
  leader: ['ok', 404],
});
/** A route of the supervision group (and the office) over the units of its group: never the unit itself. */
export const supervisesCount = (method: string, route: string, request: Case['request']): Case => ({
  method,
  route,
  request,
  office: 'ok',
  supervisor: ['ok', 404],
  leader: [403, 404],
});
export const groupOfCampaign = (f: OrgFixture, s: Side) => (s === 'own' ? f.ids.g1 : f.ids.gb);
