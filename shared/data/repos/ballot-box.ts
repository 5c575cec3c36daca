import {
  ConditionalCheckFailedException,
  IdempotentParameterMismatchException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { BallotCode, CodeBatch, type VoterGroup } from '../../domain/vote';
import { AppError, conflict } from '../../errors';
import { batchGetAll } from '../batch-get';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { retryConflicts } from '../retry-conflicts';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

/**
 * The vote module's storage, all in the ballot box table (no stream, see
 * `table.ts`): single-use codes (by keyed hash), the ballots cast with them,
 * and the tellers' paper entries. Every request about codes and ballots is
 * sent from here; audit records go to the main table in the same transaction.
 */

const box = (deps: Deps) => deps.ballotBoxTableName;

/**
 * Stores a minted batch: its record (main table) and its new unused codes of
 * one voter group, with the vote's window, in transactions of up to 98 codes,
 * each with its audit record; the batch record goes with the first. If a
 * later transaction fails, the codes already stored are revoked (audited)
 * before the error is rethrown: nobody ever saw them.
 */
export async function putCodes(
  deps: Deps,
  vote: { id: string; opensAt: string; closesAt: string },
  batch: CodeBatch,
  hashes: string[],
  audit: Omit<AuditEntry, 'id' | 'at'>,
) {
  const { kind, voterGroup } = batch;
  const voteId = vote.id;
  const code = (codeHash: string): BallotCode => ({
    codeHash,
    voteId,
    kind,
    voterGroup,
    state: 'unused',
    opensAt: vote.opensAt,
    closesAt: vote.closesAt,
  });
  const stored: string[] = [];
  try {
    for (let i = 0; i < hashes.length; i += 98) {
      const chunk = hashes.slice(i, i + 98);
      const record: TransactItem[] =
        i === 0
          ? [
              {
                Put: {
                  TableName: deps.tableName,
                  Item: { ...keys.codeBatch(voteId, batch.id), ...batch },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ]
          : [];
      await writeAudited(
        deps,
        [
          ...chunk.map(
            (h): TransactItem => ({
              Put: {
                TableName: box(deps),
                Item: { ...keys.code(h), ...keys.codeListing(voteId, voterGroup, h), ...code(h) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            }),
          ),
          ...record,
        ],
        { ...audit, detail: { ...audit.detail, batchId: batch.id, count: chunk.length } },
        () => conflict('CODE_EXISTS', '选票码重复，请重新制发'),
      );
      stored.push(...chunk);
    }
  } catch (err) {
    if (stored.length > 0) {
      await revokeUnused(deps, voteId, stored, { ...audit, detail: { reason: 'mintFailed' } });
    }
    throw err;
  }
}

export const getCodeBatch = (deps: Deps, voteId: string, batchId: string) =>
  getItem(deps, keys.codeBatch(voteId, batchId), CodeBatch);

export const getCode = (deps: Deps, hash: string) => getItem(deps, keys.code(hash), BallotCode, 'ballotBox');

/** A vote's codes: their keys from the keys-only index, then the items themselves. */
export async function codesOf(deps: Deps, voteId: string): Promise<BallotCode[]> {
  const listed = await queryAll(deps, accessPatterns.codesOfVote(voteId), CodeKey);
  return batchGetAll(
    deps,
    box(deps),
    listed.map(({ pk, sk }) => ({ pk, sk })),
    BallotCode,
  );
}
const CodeKey = z.object({ pk: z.string(), sk: z.string() });

const revokeItem = (tableName: string, hash: string, voteId: string): TransactItem => ({
  Update: {
    TableName: tableName,
    Key: keys.code(hash),
    UpdateExpression: 'SET #state = :revoked',
    ConditionExpression: '#state = :unused AND voteId = :v',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':revoked': 'revoked', ':unused': 'unused', ':v': voteId },
  },
});

/**
 * Revokes the codes that are still unused and of this vote, in transactions
 * of up to 99 codes, each with its audit record. A code used meanwhile fails
 * its transaction; that batch is then retried without it. Returns how many
 * were revoked.
 */
export async function revokeUnused(
  deps: Deps,
  voteId: string,
  hashes: string[],
  audit: Omit<AuditEntry, 'id' | 'at'>,
): Promise<number> {
  let revoked = 0;
  for (let i = 0; i < hashes.length; i += 99) {
    let batch = hashes.slice(i, i + 99);
    while (batch.length > 0) {
      try {
        await writeAudited(
          deps,
          batch.map((h) => revokeItem(box(deps), h, voteId)),
          { ...audit, detail: { ...audit.detail, revoked: batch.length } },
          () => conflict('CODE_CHANGED', '选票码状态已变化'),
        );
        revoked += batch.length;
        break;
      } catch (err) {
        if (!(err instanceof AppError && err.kind === 'conflict')) throw err;
        const still = await Promise.all(batch.map((h) => getCode(deps, h)));
        batch = batch.filter((_, k) => still[k]?.state === 'unused' && still[k]?.voteId === voteId);
      }
    }
  }
  return revoked;
}

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
  const command = new TransactWriteCommand({
    ClientRequestToken: cast.requestToken,
    TransactItems: [
      {
        Update: {
          TableName: box(deps),
          Key: keys.code(cast.codeHash),
          UpdateExpression: 'SET #state = :used',
          // The voter group came from the page; the code's own group must agree.
          ConditionExpression:
            '#state = :unused AND voteId = :v AND voterGroup = :g AND opensAt <= :now AND closesAt > :now',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':used': 'used',
            ':unused': 'unused',
            ':v': cast.voteId,
            ':g': cast.voterGroup,
            ':now': cast.now.toISOString(),
          },
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

/**
 * Closes a vote's still-unused codes (`closed`), so nothing more can be cast
 * once it is closed early. Idempotent and resumable: run it again and it
 * finishes what is left; a code being cast at that moment ends up used.
 */
export async function closeUnusedCodes(deps: Deps, voteId: string): Promise<number> {
  let closed = 0;
  for (const code of await codesOf(deps, voteId)) {
    if (code.state !== 'unused') continue;
    try {
      await retryConflicts(() =>
        deps.db.send(
          new UpdateCommand({
            TableName: box(deps),
            Key: keys.code(code.codeHash),
            UpdateExpression: 'SET #state = :closed',
            ConditionExpression: '#state = :unused',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':closed': 'closed', ':unused': 'unused' },
          }),
        ),
      );
      closed += 1;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
  return closed;
}

export const getBallot = <S extends z.ZodType>(deps: Deps, voteId: string, ballotId: string, schema: S) =>
  getItem(deps, keys.ballot(voteId, ballotId), schema, 'ballotBox');

export const ballotsOf = <S extends z.ZodType>(deps: Deps, voteId: string, schema: S) =>
  queryAll(deps, accessPatterns.ballotsOfVote(voteId), schema);
