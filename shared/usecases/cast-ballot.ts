import { IdempotentParameterMismatchException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../data/keys';
import { getItem } from '../data/repos/get-item';
import { getSession } from '../data/repos/sessions';
import type { Deps } from '../deps';
import { ballotIdFor, codeHash } from '../domain/ballot-code';
import { maskPersonalData } from '../domain/mask';
import {
  Ballot,
  type BallotMarks,
  type ReviewSession,
  sessionState,
  type VoterGroup,
} from '../domain/review';
import { badRequest, conflict, gone, notFound } from '../errors';
import { StoredCode } from './ballot-codes';
import { receiptFor } from './receipt';

/** A code looked up by its hash, with its session; undefined if there is no such code. */
export async function findCode(deps: Deps, code: string) {
  const stored = await getItem(deps, keys.code(codeHash(deps.config.CODE_HASH_SECRET, code)), StoredCode);
  if (!stored) return undefined;
  const session = await getSession(deps, stored.sessionId);
  return session ? { code: stored, session } : undefined;
}

export const codeUsed = () => conflict('CODE_USED', '这张选票已使用，每张选票只能投一次');
export const codeRevoked = () => gone('CODE_REVOKED', '这张选票已作废，请向组织者领取新的选票');
export const sessionNotOpen = (s: ReviewSession, now: Date) =>
  sessionState(s, now) === 'notYetOpen'
    ? gone('SESSION_NOT_OPEN', '本次民主评议尚未开始')
    : gone('SESSION_CLOSED', '本次民主评议已经结束');

/**
 * Casts one ballot with a single-use code, secretly.
 * 1. One DynamoDB request: a transaction that consumes the code (unused, not
 *    revoked, of this session), checks the session is open, and puts the
 *    ballot under an id derived from the page's request token. The request
 *    token is also the transaction's ClientRequestToken.
 * 2. The ballot keeps the session, the voter group, the marks and the masked
 *    comment — nothing that names the code, the person or the time.
 * 3. A retry of the same page (same request token) finds its ballot and
 *    answers with the same receipt; a second cast with the code is a 409.
 */
export async function castBallot(
  deps: Deps,
  session: ReviewSession,
  cast: { code: string; voterGroup: VoterGroup; requestToken: string; marks: BallotMarks },
) {
  const { code, voterGroup, requestToken, marks } = cast;
  const hash = codeHash(deps.config.CODE_HASH_SECRET, code);
  const ballotId = ballotIdFor(deps.config.CODE_HASH_SECRET, requestToken);
  const receipt = receiptFor(deps.config.CODE_HASH_SECRET, `ballot:${requestToken}`);
  const ballot: Ballot = {
    sessionId: session.id,
    voterGroup,
    channel: 'online',
    grades: marks.grades,
    satisfaction: marks.satisfaction,
    comment: maskPersonalData(marks.comment),
    receipt,
  };
  const now = deps.now().toISOString();
  const send = () =>
    deps.db.send(
      new TransactWriteCommand({
        ClientRequestToken: requestToken,
        TransactItems: [
          {
            Update: {
              TableName: deps.tableName,
              Key: keys.code(hash),
              UpdateExpression: 'SET #state = :used',
              // The voter group came from the page; the code's own group must agree.
              ConditionExpression: '#state = :unused AND sessionId = :s AND voterGroup = :g',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: {
                ':used': 'used',
                ':unused': 'unused',
                ':s': session.id,
                ':g': voterGroup,
              },
            },
          },
          {
            ConditionCheck: {
              TableName: deps.tableName,
              Key: keys.session(session.id),
              ConditionExpression:
                'attribute_not_exists(closedEarlyAt) AND opensAt <= :now AND closesAt > :now',
              ExpressionAttributeValues: { ':now': now },
            },
          },
          {
            Put: {
              TableName: deps.tableName,
              Item: { ...keys.ballot(session.id, ballotId), ...ballot },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  try {
    await send();
    return { receipt };
  } catch (err) {
    // A retry of our own earlier attempt: within DynamoDB's idempotency window the token
    // mismatches (the clock moved), after it the conditions fail; either way our ballot is there.
    if (!(err instanceof TransactionCanceledException || err instanceof IdempotentParameterMismatchException))
      throw err;
    const mine = await getItem(deps, keys.ballot(session.id, ballotId), Ballot);
    if (mine) return { receipt: mine.receipt };
    if (!(err instanceof TransactionCanceledException)) throw err;
    const current = await getItem(deps, keys.code(hash), StoredCode);
    if (!current) throw notFound('选票码无效，请核对后重新输入');
    if (current.sessionId !== session.id || current.voterGroup !== voterGroup) {
      throw badRequest('WRONG_SESSION', '这张选票不属于本次评议');
    }
    if (current.state === 'revoked') throw codeRevoked();
    if (current.state === 'used') throw codeUsed();
    if (err.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed')
      throw sessionNotOpen(session, deps.now());
    // A concurrent cast of the same code was still in flight and holds it.
    throw codeUsed();
  }
}
