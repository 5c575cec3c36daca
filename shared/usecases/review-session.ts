import { newId } from '../data/ids';
import type { PageRequest } from '../data/query';
import { getCampaign } from '../data/repos/campaigns';
import { allMembers } from '../data/repos/members';
import { createSession, listSessions } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { promisedBy } from '../domain/campaign';
import type { Unit } from '../domain/org';
import {
  type ReviewSession,
  type ReviewSessionInput,
  type SessionView,
  sessionState,
} from '../domain/review';
import { newWindow } from '../domain/time-window';
import { fail } from '../errors';
import { sessionFor, unitFor } from './access';
import { closeVoteEarly, type VoteCodeSpec } from './vote-codes';

/** A session with its state now, as every review answer gives it. */
export const sessionView = (deps: Deps, s: ReviewSession): SessionView => ({
  ...s,
  state: sessionState(s, deps.now()),
});

/** A review session's single-use codes: run by whoever collects for its unit. */
export const reviewCodes: VoteCodeSpec<ReviewSession> = {
  kind: 'review',
  load: sessionFor,
  target: (s) => `unit:${s.unitId}/session:${s.id}`,
};

/** The unit's review sessions, newest first, a page at a time. */
export async function reviewSessionsOf(deps: Deps, who: Principal, unitId: string, page: PageRequest) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const found = await listSessions(deps, unit.id, page);
  return { ...found, items: found.items.map((s) => sessionView(deps, s)) };
}

/** One review session, for those who may read its unit. */
export async function sessionOf(deps: Deps, who: Principal, id: string): Promise<SessionView> {
  return sessionView(deps, await sessionFor(deps, who, 'read', id));
}

/**
 * A unit leader opens a democratic review session.
 * 1. The unit must be in 分析评议.
 * 2. The members to grade are the unit's full members; probationary members are left out.
 * 3. Voters due default to the unit's members and mass representatives due.
 * 4. Whether mass representatives may mark 不了解 is the campaign's setting now, kept with the session.
 */
export async function openSession(
  deps: Deps,
  actor: string,
  unit: Unit,
  input: {
    opensAt?: string | undefined;
    closesAt: string;
    due?: { member: number; mass: number } | undefined;
    comments: boolean;
  },
): Promise<ReviewSession> {
  if (unit.stage !== 'appraisal') throw fail('WRONG_STAGE', '分析评议', '开展民主评议');
  const now = deps.now();
  const { opensAt, closesAt } = newWindow(now, input);
  const members = (await allMembers(deps, unit.id))
    .filter((m) => !m.probationary)
    .map(({ id, name, category }) => ({ id, name, category }));
  if (members.length === 0) throw fail('NO_MEMBERS');
  const campaign = await getCampaign(deps, unit.campaignId);
  const session: ReviewSession = {
    id: newId(),
    unitId: unit.id,
    campaignId: unit.campaignId,
    groupId: unit.groupId,
    unitName: unit.name,
    members,
    due: input.due ?? { member: unit.membersDue, mass: unit.massRepresentativesDue },
    paperIssued: { member: 0, mass: 0 },
    paperEntries: 0,
    comments: input.comments,
    massUnknown: campaign?.settings.massUnknown ?? false,
    ...(campaign ? { promised: promisedBy(campaign) } : {}),
    opensAt,
    closesAt,
    createdAt: now.toISOString(),
    createdBy: actor,
  };
  await createSession(deps, actor, session, campaign?.settingsFrozenAt);
  return session;
}

/** Opens a review session (see `openSession`) on a unit the caller collects for. */
export async function openReviewSession(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: ReviewSessionInput,
): Promise<SessionView> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  return sessionView(deps, await openSession(deps, who.username, unit, input));
}

/** Closes a session before its end time (see `closeVoteEarly`). */
export async function closeSession(deps: Deps, who: Principal, id: string): Promise<SessionView> {
  const session = await sessionFor(deps, who, 'collect', id);
  const closed = await closeVoteEarly(deps, who.username, 'review', session);
  return sessionView(deps, closed);
}
