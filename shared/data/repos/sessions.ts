import * as z from 'zod';
import type { Deps } from '../../deps';
import type { ReviewSummary } from '../../domain/org';
import { countChanged, ReviewSession } from '../../domain/review';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryAll, queryPage } from '../query';
import { writeAudited } from '../transact';
import { freezeSettings } from './campaigns';
import { getItem } from './get-item';
import { keptOnUnit } from './units';
import { countedOnce } from './votes';

export const getSession = (deps: Deps, id: string) => getItem(deps, keys.session(id), ReviewSession);

export async function createSession(deps: Deps, actor: string, session: ReviewSession, frozenAt?: string) {
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
      ...freezeSettings(
        deps.tableName,
        { id: session.campaignId, settingsFrozenAt: frozenAt },
        session.createdAt,
      ),
      keptOnUnit(deps.tableName, session.unitId, {}, session.createdAt, { add: session.id }),
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

const target = (s: ReviewSession) => `unit:${s.unitId}/session:${s.id}`;

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
          ConditionExpression: countedOnce(seenEntries).ConditionExpression,
          ExpressionAttributeValues: {
            ':at': sealed.sealedAt,
            ':by': sealed.sealedBy,
            ':sha': sealed.sha256,
            ...countedOnce(seenEntries).values,
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
      keptOnUnit(deps.tableName, session.unitId, { lastReview: summary }, sealed.sealedAt, {
        delete: session.id,
      }),
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
