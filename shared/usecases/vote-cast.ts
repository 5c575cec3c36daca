import { castOpen, castWithCode, getBallot } from '../data/repos/ballot-box';
import { getCode } from '../data/repos/ballot-codes';
import type { Deps } from '../deps';
import { ballotIdFor, codeHash } from '../domain/ballot-code';
import { windowClosedError, windowState } from '../domain/time-window';
import { type Vote, VoteBallot, type VoteKind, type VoterGroup, voteWords } from '../domain/vote';
import { badRequest, conflict, gone, notFound } from '../errors';
import { receiptFor } from './receipt';

export const codeUsed = () =>
  conflict(
    'CODE_USED',
    '这张选票已经投过，每张选票只能投一次。如果是您刚才投的，您的选票已经收到，不必再投。',
  );
export const codeRevoked = () => gone('CODE_REVOKED', '这张选票已作废，请向组织者领取新的选票');

/** A code's stored state, looked up by its hash; undefined if there is no such code. */
export const findCode = (deps: Deps, code: string) =>
  getCode(deps, codeHash(deps.config.CODE_HASH_SECRET, code));

/**
 * Casts one ballot of a vote open to anyone with its link (no code): the
 * window is checked against the vote as just read, the ballot is one
 * conditional PutItem, and a retry of the same page answers with the same receipt.
 */
export async function castOpenBallot(
  deps: Deps,
  kind: VoteKind,
  vote: Vote,
  cast: { requestToken: string; marks: Record<string, unknown> },
): Promise<{ receipt: string }> {
  if (windowState(vote, deps.now()) !== 'open')
    throw windowClosedError(voteWords[kind].window, vote, deps.now());
  const secret = deps.config.CODE_HASH_SECRET;
  const ballotId = ballotIdFor(secret, cast.requestToken);
  const receipt = receiptFor(secret, `ballot:${cast.requestToken}`);
  const ballot: VoteBallot = { voteId: vote.id, voterGroup: 'mass', channel: 'online', receipt };
  await castOpen(deps, { voteId: vote.id, ballotId, ballot: { ...cast.marks, ...ballot } });
  return { receipt };
}

/**
 * Casts one ballot of a vote with a single-use code, secretly.
 * 1. One DynamoDB request of two items consumes the code (which carries the
 *    window) and puts the ballot under an id derived from the page's request token.
 * 2. The ballot keeps the vote, the voter group, the marks and a receipt —
 *    nothing that names the code, the person or the time.
 * 3. A retry of the same page (same request token) finds its ballot and
 *    answers with the same receipt; a second cast with the code is a 409.
 */
export async function castBallot(
  deps: Deps,
  kind: VoteKind,
  vote: Vote,
  cast: { code: string; voterGroup: VoterGroup; requestToken: string; marks: Record<string, unknown> },
): Promise<{ receipt: string }> {
  const secret = deps.config.CODE_HASH_SECRET;
  const hash = codeHash(secret, cast.code);
  const ballotId = ballotIdFor(secret, cast.requestToken);
  const receipt = receiptFor(secret, `ballot:${cast.requestToken}`);
  const ballot: VoteBallot = { voteId: vote.id, voterGroup: cast.voterGroup, channel: 'online', receipt };
  const result = await castWithCode(deps, {
    voteId: vote.id,
    codeHash: hash,
    voterGroup: cast.voterGroup,
    ballotId,
    requestToken: cast.requestToken,
    ballot: { ...cast.marks, ...ballot },
    now: deps.now(),
  });
  if (result === 'cast') return { receipt };
  // A retry of our own earlier attempt: within DynamoDB's idempotency window the token
  // mismatches (the clock moved), after it the conditions fail; either way our ballot is there.
  const mine = await getBallot(deps, vote.id, ballotId, VoteBallot);
  if (mine) return { receipt: mine.receipt };
  if (result === 'tokenReused') throw conflict('REQUEST_REUSED', '页面已失效，请重新扫码后再投');
  const current = await getCode(deps, hash);
  if (!current) throw notFound('选票码无效，请核对后重新输入');
  if (current.voteId !== vote.id || current.kind !== kind || current.voterGroup !== cast.voterGroup) {
    throw badRequest(`WRONG_${voteWords[kind].code}`, `这张选票不属于${voteWords[kind].thisVote}`);
  }
  if (current.state === 'revoked') throw codeRevoked();
  if (current.state === 'used') throw codeUsed();
  // Closed early (its code was closed), or outside the window the code carries.
  if (current.state === 'closed' || windowState(current, deps.now()) !== 'open')
    throw windowClosedError(voteWords[kind].window, vote, deps.now());
  // A concurrent cast of the same code was still in flight and holds it.
  throw codeUsed();
}
