import { randomBytes } from 'node:crypto';
import { asRecord, call, tokenFor } from './api';
import type { OrgFixture } from './org-fixture';
import type { TestContext } from './test-env';

export const requestToken = () => randomBytes(16).toString('base64url');
export const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** Moves a unit into 分析评议 through the stage request flow (as the office). */
export async function toAppraisal(t: TestContext, f: OrgFixture, unitId: string) {
  await call(t, f.tokens.office, 'POST', `/api/units/${unitId}/stage-request`, {});
  const res = await call(t, f.tokens.office, 'POST', `/api/units/${unitId}/stage-decision`, {
    approve: true,
  });
  if (res.status !== 200) throw new Error(`stage change failed: ${res.text}`);
}

/** Opens a review session on a unit and returns it. */
export async function openSession(
  t: TestContext,
  token: string,
  unitId: string,
  body: Record<string, unknown> = {},
) {
  const res = await call(t, token, 'POST', `/api/units/${unitId}/review-sessions`, {
    closesAt: inADay(),
    ...body,
  });
  if (res.status !== 201) throw new Error(`open session failed: ${res.status} ${res.text}`);
  return asRecord(res.json) as { id: string; members: { id: string; name: string }[] };
}

/** Mints codes for a voter group and returns the plain codes. */
export async function mint(
  t: TestContext,
  token: string,
  sessionId: string,
  voterGroup: 'member' | 'mass',
  count: number,
) {
  // Tests mint as many codes as they need; the limit of voters due has its own test.
  const res = await call(t, token, 'POST', `/api/review-sessions/${sessionId}/codes`, {
    voterGroup,
    count,
    confirmExcess: true,
  });
  if (res.status !== 201) throw new Error(`mint failed: ${res.status} ${res.text}`);
  return (asRecord(res.json).codes as { code: string; link: string }[]).map((c) => c.code);
}

/** A full, valid set of marks: every member graded `grade`. */
export function marks(members: { id: string }[], grade = 'competent', satisfaction = 'satisfied') {
  return { grades: Object.fromEntries(members.map((m) => [m.id, grade])), satisfaction };
}

/** Casts through the public JSON API. */
export function cast(
  t: TestContext,
  sessionId: string,
  code: string,
  voterGroup: 'member' | 'mass',
  body: Record<string, unknown>,
  token = requestToken(),
) {
  return call(t, undefined, 'POST', `/api/public/review-sessions/${sessionId}/ballots`, {
    code,
    voterGroup,
    requestToken: token,
    ...body,
  });
}

/** Creates two supervisor accounts of G1 to serve as tellers (once per test file); returns their tokens. */
export async function tellerAccounts(t: TestContext, f: OrgFixture) {
  for (const username of ['tel1', 'tel2']) {
    const res = await call(t, f.tokens.office, 'POST', '/api/accounts', {
      username,
      displayName: username,
      password: 'Correct-Horse-9',
      role: 'supervisor',
      groupId: f.ids.g1,
    });
    if (res.status !== 201) throw new Error(`account ${username}: ${res.status} ${res.text}`);
  }
  return { tel1: await tokenFor(t, 'tel1'), tel2: await tokenFor(t, 'tel2') };
}

/** The supervisor of G1 appoints tel1 and tel2 as the session's tellers. */
export async function appointTellers(t: TestContext, f: OrgFixture, sessionId: string) {
  const res = await call(t, f.tokens.supervisor, 'PUT', `/api/review-sessions/${sessionId}/tellers`, {
    teller1: 'tel1',
    teller2: 'tel2',
  });
  if (res.status !== 200) throw new Error(`appoint tellers failed: ${res.status} ${res.text}`);
}

/** Confirms the count of a closed session (as `token`, the office by default) and returns the answer. */
export function confirmCount(
  t: TestContext,
  token: string,
  sessionId: string,
  unresolvedSlips: number[] = [],
) {
  return call(t, token, 'POST', `/api/review-sessions/${sessionId}/count/confirm`, { unresolvedSlips });
}
