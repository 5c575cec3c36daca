import type { z } from 'zod';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import type { PaperSlip } from '../../domain/vote';
import type { AppError } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

/** Counting (计票): the tellers' entries of paper slips, in the ballot box: two per slip, one per teller. */

const box = (deps: Deps) => deps.ballotBoxTableName;

/** One teller's entry of one slip, if entered. */
export const getCountingEntry = <S extends z.ZodType>(
  deps: Deps,
  voteId: string,
  slip: Pick<PaperSlip, 'slipNo' | 'teller'>,
  schema: S,
) => getItem(deps, keys.paperEntry(voteId, slip.slipNo, slip.teller), schema, 'ballotBox');

/** Why a teller's entry was refused by its transaction. */
export type CountingRefusal = 'countClosed' | 'sameAccountOtherSide';

/**
 * Stores one teller's entry of one paper slip, with its audit record, in one
 * transaction. `counting` is the vote owner's check that the account is this
 * side's teller and the count is still open (it also bumps the owner's entry
 * counter, so a confirmation that read fewer entries fails). The other side
 * of the slip must not have been entered by the same account. Entering again
 * replaces this side's own entry (a correction).
 */
export async function putCountingEntry(
  deps: Deps,
  voteId: string,
  entry: PaperSlip & Record<string, unknown>,
  counting: TransactItem,
  audit: Omit<AuditEntry, 'id' | 'at'>,
  refused: (why: CountingRefusal) => AppError,
) {
  const other = entry.teller === 1 ? 2 : 1;
  await writeAudited(
    deps,
    [
      counting,
      {
        ConditionCheck: {
          TableName: box(deps),
          Key: keys.paperEntry(voteId, entry.slipNo, other),
          ConditionExpression: 'attribute_not_exists(pk) OR enteredBy <> :me',
          ExpressionAttributeValues: { ':me': entry.enteredBy },
        },
      },
      {
        Put: {
          TableName: box(deps),
          Item: { ...keys.paperEntry(voteId, entry.slipNo, entry.teller), ...entry },
        },
      },
    ],
    audit,
    (index) => refused(index === 1 ? 'sameAccountOtherSide' : 'countClosed'),
  );
}

/** Every teller's entry of every slip of a vote. */
export const countingEntriesOf = <S extends z.ZodType>(deps: Deps, voteId: string, schema: S) =>
  queryAll(deps, accessPatterns.paperOfVote(voteId), schema);
