import type { Deps } from '../../deps';
import { ReviewSession } from '../../domain/review';
import { conflict } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryPage } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

export const getSession = (deps: Deps, id: string) => getItem(deps, keys.session(id), ReviewSession);

export async function createSession(deps: Deps, actor: string, session: ReviewSession) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...keys.session(session.id),
            ...keys.sessionListing(session.unitId, session.createdAt, session.id),
            ...session,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    {
      actor,
      action: 'review.open',
      target: `unit:${session.unitId}/session:${session.id}`,
      detail: { members: session.members.length, due: session.due, closesAt: session.closesAt },
    },
    () => conflict('EXISTS', '评议已存在'),
  );
}

/** Sets attributes of an open session (closing it early, paper ballots issued), audited. */
export async function updateOpenSession(
  deps: Deps,
  actor: string,
  session: ReviewSession,
  set: Partial<Pick<ReviewSession, 'closedEarlyAt' | 'paperIssued'>>,
  action: string,
) {
  const entries = Object.entries(set);
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.session(session.id),
          UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedEarlyAt)',
          ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
        },
      },
    ],
    { actor, action, target: `unit:${session.unitId}/session:${session.id}`, detail: set },
    () => conflict('SESSION_CLOSED', '本次评议已经结束'),
  );
}

/** A unit's review sessions, newest first. */
export const listSessions = (deps: Deps, unitId: string, page: PageRequest) =>
  queryPage(deps, accessPatterns.sessionsOfUnit(unitId), ReviewSession, page);
