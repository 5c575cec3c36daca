import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { BallotCode, CodeBatch } from '../../domain/vote';
import { AppError, fail } from '../../errors';
import { batchGetAll } from '../batch-get';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { retryConflicts } from '../retry-conflicts';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

/**
 * The ballot box's single-use codes (stored by keyed hash): minting, reading,
 * revoking and closing them. Casting is in `ballot-box.ts`. Audit records go
 * to the main table in the same transaction.
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
        () => fail('CODE_EXISTS'),
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
          () => fail('CODE_CHANGED'),
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
