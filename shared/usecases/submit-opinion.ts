import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../data/keys';
import { getItem } from '../data/repos/get-item';
import type { Deps } from '../deps';
import { chinaDay } from '../domain/china-day';
import { Opinion, type OpinionInput, storedContent } from '../domain/opinion';
import { Round, roundState } from '../domain/round';
import { conflict, gone, notFound } from '../errors';
import { receiptFor } from './receipt';

export interface Submitted {
  receipt: string;
  /** False when this was a retry of a submission already stored. */
  created: boolean;
}

/** The Chinese answer for a round that takes no opinions now. */
export function roundClosedError(round: Round, now: Date) {
  return roundState(round, now) === 'notYetOpen'
    ? gone('ROUND_NOT_OPEN', '本轮征求意见尚未开始')
    : gone('ROUND_CLOSED', '本轮征求意见已经结束，感谢您的关注');
}

/**
 * Stores one anonymous opinion, once.
 * 1. Mask personal data in the text and hash the content.
 * 2. One DynamoDB request: a transaction that checks the round is open and
 *    puts the opinion under its submission id only if that id is new.
 * 3. If the id was used: the same content is a retry (same receipt, nothing
 *    stored); other content is a 409.
 * Only the China day is kept as time; nothing about the sender is stored.
 */
export async function submitOpinion(deps: Deps, round: Round, input: OpinionInput): Promise<Submitted> {
  const now = deps.now();
  const { content, contentHash } = storedContent(input);
  const receipt = receiptFor(deps.config.CODE_HASH_SECRET, input.submissionId);
  const day = chinaDay(now);
  const opinion: Opinion = {
    roundId: round.id,
    unitId: round.unitId,
    formVersion: round.form.version,
    day,
    ...content,
    receipt,
    contentHash,
  };
  try {
    await deps.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: deps.tableName,
              Key: keys.round(round.id),
              ConditionExpression:
                'attribute_not_exists(closedEarlyAt) AND opensAt <= :now AND closesAt > :now',
              ExpressionAttributeValues: { ':now': now.toISOString() },
            },
          },
          {
            Put: {
              TableName: deps.tableName,
              Item: {
                ...keys.opinion(round.id, input.submissionId),
                ...keys.opinionListing(round.unitId, day, input.submissionId),
                ...opinion,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
    return { receipt, created: true };
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
    const [roundReason, putReason] = err.CancellationReasons ?? [];
    if (putReason?.Code === 'ConditionalCheckFailed') {
      const stored = await getItem(deps, keys.opinion(round.id, input.submissionId), Opinion);
      if (stored?.contentHash === contentHash) return { receipt: stored.receipt, created: false };
      throw conflict(
        'SUBMISSION_CONFLICT',
        '这份意见已经提交过，内容不同。如需再提一条意见，请重新打开页面。',
      );
    }
    if (roundReason?.Code === 'ConditionalCheckFailed') {
      const current = await getItem(deps, keys.round(round.id), Round);
      if (!current) throw notFound();
      throw roundClosedError(current, now);
    }
    throw err;
  }
}
