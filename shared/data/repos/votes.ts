import type { Deps } from '../../deps';
import { notClosed } from '../../domain/time-window';
import { type Vote, type VoteKind, voteWords } from '../../domain/vote';
import { fail } from '../../errors';
import { withCondition } from '../condition-expression';
import { keys } from '../keys';
import { type TransactItem, writeAudited } from '../transact';

/**
 * The vote's own item, whatever it is a vote of: the parts of a vote's
 * lifecycle every kind shares (closing early, paper slips handed out,
 * tellers, the entry counter, the sealing condition).
 */

/** The main-table key of a vote's own item. */
export const voteKey = (kind: VoteKind, id: string) =>
  kind === 'review' ? keys.session(id) : keys.evaluation(id);

/** The audit target of a vote: its unit and itself. */
export const voteTarget = (kind: VoteKind, v: Pick<Vote, 'id' | 'unitId'>) =>
  `unit:${v.unitId}/${kind === 'review' ? 'session' : 'evaluation'}:${v.id}`;

/** Sets attributes of a vote still open (closing it early, paper slips handed out), audited. */
export async function updateOpenVote(
  deps: Deps,
  actor: string,
  kind: VoteKind,
  vote: Vote,
  set: Partial<Pick<Vote, 'closedEarlyAt' | 'paperIssued'>>,
  action: string,
) {
  const entries = Object.entries(set);
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: voteKey(kind, vote.id),
          UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ...withCondition(notClosed(deps.now()), {
            names: Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
            values: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          }),
        },
      },
    ],
    { actor, action, target: voteTarget(kind, vote), detail: set },
    () => fail(voteWords[kind].closed),
  );
}

/** Names the two tellers of a vote (audited); allowed until the count is confirmed. */
export async function putTellers(
  deps: Deps,
  actor: string,
  kind: VoteKind,
  vote: Vote,
  tellers: { teller1: string; teller2: string },
) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: voteKey(kind, vote.id),
          UpdateExpression: 'SET teller1 = :t1, teller2 = :t2',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(countedAt)',
          ExpressionAttributeValues: { ':t1': tellers.teller1, ':t2': tellers.teller2 },
        },
      },
    ],
    {
      actor,
      action: `${voteWords[kind].audit}.tellers.appoint`,
      target: voteTarget(kind, vote),
      detail: tellers,
    },
    () => fail(voteWords[kind].counted),
  );
}

/**
 * The vote's part of a teller's entry, for the entry's transaction: the
 * account is that side's teller, casting is over, the count is not yet
 * confirmed; and the entry counter moves, so a confirmation that read the
 * entries before this one fails instead of sealing without it.
 */
export function countingStep(
  deps: Deps,
  kind: VoteKind,
  voteId: string,
  teller: 1 | 2,
  username: string,
  now: Date,
): TransactItem {
  return {
    Update: {
      TableName: deps.tableName,
      Key: voteKey(kind, voteId),
      UpdateExpression: 'SET paperEntries = if_not_exists(paperEntries, :zero) + :one',
      ConditionExpression:
        '#teller = :me AND attribute_not_exists(countedAt) AND (closesAt <= :now OR attribute_exists(closedEarlyAt))',
      ExpressionAttributeNames: { '#teller': `teller${teller}` },
      ExpressionAttributeValues: { ':me': username, ':now': now.toISOString(), ':zero': 0, ':one': 1 },
    },
  };
}

/**
 * The sealing condition of a vote's count: nobody sealed it before, and no
 * teller entry was written since the `seenEntries` the count read. Its value
 * placeholder is `:n`.
 */
export const countedOnce = (seenEntries: number) => ({
  ConditionExpression:
    seenEntries === 0
      ? 'attribute_not_exists(countedAt) AND (attribute_not_exists(paperEntries) OR paperEntries = :n)'
      : 'attribute_not_exists(countedAt) AND paperEntries = :n',
  values: { ':n': seenEntries },
});
