import { newId } from '../data/ids';
import { getCampaign } from '../data/repos/campaigns';
import { allMembers } from '../data/repos/members';
import { createSession, updateOpenSession } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
import { type ReviewSession, sessionState } from '../domain/review';
import { newWindow } from '../domain/time-window';
import { conflict } from '../errors';
import { closeVoteEarly } from './vote-codes';

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
  if (unit.stage !== 'appraisal') throw conflict('WRONG_STAGE', '单位进入“分析评议”阶段后才能开展民主评议');
  const now = deps.now();
  const { opensAt, closesAt } = newWindow(now, input);
  const members = (await allMembers(deps, unit.id))
    .filter((m) => !m.probationary)
    .map(({ id, name, category }) => ({ id, name, category }));
  if (members.length === 0) throw conflict('NO_MEMBERS', '本单位没有可参加评议的正式党员');
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
    opensAt,
    closesAt,
    createdAt: now.toISOString(),
    createdBy: actor,
  };
  await createSession(deps, actor, session);
  return session;
}

/** Closes a session before its end time (see `closeVoteEarly`). */
export const closeSession = (deps: Deps, actor: string, session: ReviewSession): Promise<ReviewSession> =>
  closeVoteEarly(deps, 'review', session, (at) =>
    updateOpenSession(deps, actor, session, { closedEarlyAt: at }, 'review.close'),
  );

/** Records how many paper ballots were handed out at the meeting, per voter group. */
export async function setPaperIssued(
  deps: Deps,
  actor: string,
  session: ReviewSession,
  issued: { member: number; mass: number },
) {
  if (sessionState(session, deps.now()) === 'closed') throw conflict('SESSION_CLOSED', '本次评议已经结束');
  await updateOpenSession(deps, actor, session, { paperIssued: issued }, 'review.paperIssued');
  return { ...session, paperIssued: issued };
}
