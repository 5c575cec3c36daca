import { castOpen, castWithCode, getBallot } from '../data/repos/ballot-box';
import { getCode } from '../data/repos/ballot-codes';
import type { Deps } from '../deps';
import { ballotIdFor, codeHash } from '../domain/ballot-code';
import { type Condition, firstFailing } from '../domain/condition';
import { windowClosedError, windowState } from '../domain/time-window';
import {
  type BallotCode,
  usableCode,
  type Vote,
  VoteBallot,
  type VoteKind,
  type VoterGroup,
  voteWords,
} from '../domain/vote';
import { fail, notFound } from '../errors';
import { receiptFor } from './receipt';

export const codeUsed = () => fail('CODE_USED');
export const codeRevoked = () => fail('CODE_REVOKED');

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
  if (result === 'tokenReused') throw fail('REQUEST_REUSED');
  const current = await getCode(deps, hash);
  if (!current) throw notFound('选票码无效，请核对后重新输入');
  const usable = usableCode({ voteId: vote.id, voterGroup: cast.voterGroup, now: deps.now() });
  throw refusalOf(kind, vote, current, usable, deps.now());
}

/**
 * Why a code could not cast, from the first part of `usableCode` it fails:
 * another vote or voter group, revoked, used, closed early or outside its
 * window. When it meets every part, a concurrent cast of the same code was
 * still in flight and holds it.
 */
function refusalOf(kind: VoteKind, vote: Vote, current: BallotCode, usable: Condition, now: Date) {
  if (current.kind !== kind) return fail(voteWords[kind].wrongVote);
  switch (firstFailing(usable, current)?.field) {
    case 'voteId':
    case 'voterGroup':
      return fail(voteWords[kind].wrongVote);
    case 'state':
      if (current.state === 'revoked') return codeRevoked();
      if (current.state === 'used') return codeUsed();
      return windowClosedError(voteWords[kind].window, vote, now);
    case 'opensAt':
    case 'closesAt':
    case 'closedEarlyAt':
      return windowClosedError(voteWords[kind].window, vote, now);
    default:
      return codeUsed();
  }
}
