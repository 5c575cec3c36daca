import {
  ConditionalCheckFailedException,
  IdempotentParameterMismatchException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { Deps } from '../../deps';
import { usableCode, type VoterGroup } from '../../domain/vote';
import { conditionExpression } from '../condition-expression';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { retryConflicts } from '../retry-conflicts';
import { getCode } from './ballot-codes';
import { getItem } from './get-item';

/**
 * The vote module's storage, all in the ballot box table (no stream, see
 * `table.ts`): the ballots cast with their codes (the codes
 * themselves: `ballot-codes.ts`; the tellers' entries: `counting.ts`). Every request about codes and ballots is
 * sent from here; audit records go to the main table in the same transaction.
 */

const box = (deps: Deps) => deps.ballotBoxTableName;

/** What became of a cast: stored; refused by the code or the ballot id; the token was reused with other content. */
export type CastResult = 'cast' | 'refused' | 'tokenReused';

/**
 * Casts a ballot in one request of exactly two items: the code is consumed
 * (unused, of this vote and voter group, inside its window) and the ballot is
 * put under its id. No vote, session or counter item takes part, so
 * concurrent casts never conflict; a conflict on the code itself (the same
 * code cast twice at once) is retried. The page's request token is the
 * ClientRequestToken.
 */
export async function castWithCode(
  deps: Deps,
  cast: {
    voteId: string;
    codeHash: string;
    voterGroup: VoterGroup;
    ballotId: string;
    requestToken: string;
    ballot: Record<string, unknown>;
    now: Date;
  },
): Promise<CastResult> {
  const usable = conditionExpression(usableCode(cast));
  const command = new TransactWriteCommand({
    ClientRequestToken: cast.requestToken,
    TransactItems: [
      {
        Update: {
          TableName: box(deps),
          Key: keys.code(cast.codeHash),
          UpdateExpression: 'SET #state = :used',
          // The voter group came from the page; the code's own group must agree.
          ConditionExpression: usable.ConditionExpression,
          ExpressionAttributeNames: { '#state': 'state', ...usable.ExpressionAttributeNames },
          ExpressionAttributeValues: { ':used': 'used', ...usable.ExpressionAttributeValues },
        },
      },
      {
        Put: {
          TableName: box(deps),
          Item: { ...keys.ballot(cast.voteId, cast.ballotId), ...cast.ballot },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
  });
  try {
    // Another cast of the same code held it: once that one has spent the code, retrying is pointless.
    const spent = async () => (await getCode(deps, cast.codeHash))?.state !== 'unused';
    await retryConflicts(() => deps.db.send(command), { pointless: spent });
    return 'cast';
  } catch (err) {
    if (err instanceof IdempotentParameterMismatchException) return 'tokenReused';
    if (err instanceof TransactionCanceledException) return 'refused';
    throw err;
  }
}

/**
 * Puts a ballot of a vote open to anyone holding its link: one conditional
 * PutItem under the id derived from the page's request token, so a retry of
 * the same page is stored once ('refused' then means: already there). The
 * window is checked by the caller; nothing shared takes part.
 */
export async function castOpen(
  deps: Deps,
  cast: { voteId: string; ballotId: string; ballot: Record<string, unknown> },
): Promise<'cast' | 'refused'> {
  try {
    await deps.db.send(
      new PutCommand({
        TableName: box(deps),
        Item: { ...keys.ballot(cast.voteId, cast.ballotId), ...cast.ballot },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'cast';
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return 'refused';
    throw err;
  }
}

export const getBallot = <S extends z.ZodType>(deps: Deps, voteId: string, ballotId: string, schema: S) =>
  getItem(deps, keys.ballot(voteId, ballotId), schema, 'ballotBox');

export const ballotsOf = <S extends z.ZodType>(deps: Deps, voteId: string, schema: S) =>
  queryAll(deps, accessPatterns.ballotsOfVote(voteId), schema);
