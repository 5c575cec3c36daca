import * as z from 'zod';
import type { Deps } from '../../deps';
import type { ReviewSummary } from '../../domain/org';
import { countChanged, countConfirmed, ReviewSession } from '../../domain/review';
import { notClosed } from '../../domain/time-window';
import { fail } from '../../errors';
import { withCondition } from '../condition-expression';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryAll, queryPage } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';
import { keptOnUnit } from './units';

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
            paperEntries: 0,
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
    () => fail('EXISTS', '评议'),
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
          ...withCondition(notClosed(deps.now()), {
            names: Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
            values: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          }),
        },
      },
    ],
    { actor, action, target: `unit:${session.unitId}/session:${session.id}`, detail: set },
    () => fail('SESSION_CLOSED'),
  );
}

const target = (s: ReviewSession) => `unit:${s.unitId}/session:${s.id}`;

/** Names the two tellers of a session (audited); allowed until the count is confirmed. */
export async function putTellers(
  deps: Deps,
  actor: string,
  session: ReviewSession,
  tellers: { teller1: string; teller2: string },
) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.session(session.id),
          UpdateExpression: 'SET teller1 = :t1, teller2 = :t2',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(countedAt)',
          ExpressionAttributeValues: { ':t1': tellers.teller1, ':t2': tellers.teller2 },
        },
      },
    ],
    { actor, action: 'review.tellers.appoint', target: target(session), detail: tellers },
    countConfirmed,
  );
}

/**
 * The session's part of a teller's entry, for the entry's transaction: the
 * account is that side's teller, casting is over, the count is not yet
 * confirmed; and the entry counter moves, so a confirmation that read the
 * entries before this one fails instead of sealing without it.
 */
export function countingStep(
  deps: Deps,
  sessionId: string,
  teller: 1 | 2,
  username: string,
  now: Date,
): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: keys.session(sessionId),
      UpdateExpression: 'SET paperEntries = if_not_exists(paperEntries, :zero) + :one',
      ConditionExpression:
        '#teller = :me AND attribute_not_exists(countedAt) AND (closesAt <= :now OR attribute_exists(closedEarlyAt))',
      ExpressionAttributeNames: { '#teller': `teller${teller}` },
      ExpressionAttributeValues: { ':me': username, ':now': now.toISOString(), ':zero': 0, ':one': 1 },
    },
  };
}

/** A session's sealed results: what was counted, by which settings, and its hash. */
export const SealedResults = z.object({
  sessionId: z.string(),
  reconciliation: z.record(z.string(), z.unknown()),
  tally: z.record(z.string(), z.unknown()),
  unresolvedSlips: z.array(z.number()),
  sealedAt: z.string(),
  sealedBy: z.string(),
  sha256: z.string(),
});
export type SealedResults = z.infer<typeof SealedResults>;

/**
 * Confirms the count and seals the results in one transaction with its
 * audit record: the session gets `countedAt` only if nobody confirmed it
 * before and no teller entry was written since `seenEntries` were read. The
 * unit keeps `summary` as its latest review, in the same transaction.
 */
export async function sealResults(
  deps: Deps,
  session: ReviewSession,
  seenEntries: number,
  sealed: SealedResults,
  summary: ReviewSummary,
) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.session(session.id),
          UpdateExpression: 'SET countedAt = :at, countedBy = :by, resultsSha256 = :sha',
          ConditionExpression:
            seenEntries === 0
              ? 'attribute_not_exists(countedAt) AND (attribute_not_exists(paperEntries) OR paperEntries = :n)'
              : 'attribute_not_exists(countedAt) AND paperEntries = :n',
          ExpressionAttributeValues: {
            ':at': sealed.sealedAt,
            ':by': sealed.sealedBy,
            ':sha': sealed.sha256,
            ':n': seenEntries,
          },
        },
      },
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.sealedResults(session.id), ...sealed },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      keptOnUnit(deps.tableName, session.unitId, { lastReview: summary }, sealed.sealedAt),
    ],
    {
      actor: sealed.sealedBy,
      action: 'review.count.confirm',
      target: target(session),
      detail: { unresolvedSlips: sealed.unresolvedSlips, sha256: sealed.sha256 },
    },
    countChanged,
  );
}

export const getSealedResults = (deps: Deps, sessionId: string) =>
  getItem(deps, keys.sealedResults(sessionId), SealedResults);

/** A unit's review sessions, newest first. */
export const listSessions = (deps: Deps, unitId: string, page: PageRequest) =>
  queryPage(deps, accessPatterns.sessionsOfUnit(unitId), ReviewSession, page);

/** Every review session of a unit (a handful per campaign). */
export const allSessions = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.sessionsOfUnit(unitId), ReviewSession);
