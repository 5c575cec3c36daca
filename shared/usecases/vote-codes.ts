import { closeUnusedCodes, codesOf, putCodes, revokeUnused } from '../data/repos/ballot-box';
import type { Deps } from '../deps';
import { codeHash, newBallotCode, normalizeCode } from '../domain/ballot-code';
import { windowState } from '../domain/time-window';
import { type Vote, type VoteKind, type VoterGroup, voteWords } from '../domain/vote';
import { conflict, notFound, validationError } from '../errors';

/** Once casting is over, codes are part of the count: none are added or revoked. */
const voteClosed = (kind: VoteKind) =>
  conflict(`${voteWords[kind].code}_CLOSED`, '投票已经结束，选票码不能再制发或作废');

/** Who asked, what the audit trail names as the target, and what kind of vote it is. */
export interface VoteActor {
  actor: string;
  target: string;
  kind: VoteKind;
}

/**
 * Mints single-use codes for one voter group of a vote.
 * 1. A closed vote gets no more codes.
 * 2. Each code carries 80 random bits; only its keyed hash is stored.
 * 3. The plain codes are returned once, for the printable slips; they cannot be shown again.
 */
export async function mintCodes(deps: Deps, by: VoteActor, vote: Vote, group: VoterGroup, count: number) {
  if (windowState(vote, deps.now()) === 'closed') throw voteClosed(by.kind);
  const codes = Array.from({ length: count }, newBallotCode);
  const hashes = codes.map((code) => codeHash(deps.config.CODE_HASH_SECRET, code));
  await putCodes(deps, vote, by.kind, group, hashes, {
    actor: by.actor,
    action: `${voteWords[by.kind].audit}.codes.mint`,
    target: by.target,
    detail: { group, count },
  });
  return codes;
}

/**
 * Revokes unused codes: one typed code, or every unused code of a voter
 * group (after a lost batch of slips), while casting is open. Used codes stay used.
 */
export async function revokeCodes(
  deps: Deps,
  by: VoteActor,
  vote: Vote,
  what: { code?: string | undefined; group?: VoterGroup | undefined },
) {
  if (windowState(vote, deps.now()) === 'closed') throw voteClosed(by.kind);
  let hashes: string[];
  if (what.code) {
    const code = normalizeCode(what.code);
    if (!code) throw validationError([{ path: 'code', message: '选票码格式不对' }]);
    hashes = [codeHash(deps.config.CODE_HASH_SECRET, code)];
  } else {
    hashes = (await codesOf(deps, vote.id))
      .filter((c) => c.state === 'unused' && (!what.group || c.voterGroup === what.group))
      .map((c) => c.codeHash);
  }
  const revoked = await revokeUnused(deps, vote.id, hashes, {
    actor: by.actor,
    action: `${voteWords[by.kind].audit}.codes.revoke`,
    target: by.target,
    detail: { group: what.group },
  });
  if (what.code && revoked === 0)
    throw notFound(`该选票码不存在、不属于${voteWords[by.kind].thisVote}，或已使用`);
  return { revoked };
}

/**
 * Closes a vote before its end time.
 * 1. `record` writes the close on the vote itself (audited).
 * 2. Its unused codes are closed, so no cast gets through afterwards; a cast
 *    already under way either lands first (and counts) or is refused.
 * Counting runs step 2 again, so an interrupted close is finished before any result.
 */
export async function closeVoteEarly<V extends Vote>(
  deps: Deps,
  kind: VoteKind,
  vote: V,
  record: (at: string) => Promise<void>,
): Promise<V> {
  const words = voteWords[kind];
  if (windowState(vote, deps.now()) === 'closed')
    throw conflict(`${words.code}_CLOSED`, `${words.thisVote}已经结束`);
  const at = deps.now().toISOString();
  await record(at);
  await closeUnusedCodes(deps, vote.id);
  return { ...vote, closedEarlyAt: at };
}
