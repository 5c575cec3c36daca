import { randomBytes } from 'node:crypto';
import { closeUnusedCodes, codesOf, getCodeBatch, putCodes, revokeUnused } from '../data/repos/ballot-codes';
import { updateOpenVote } from '../data/repos/votes';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { batchCode, codeHash, normalizeCode } from '../domain/ballot-code';
import type { Action } from '../domain/policy';
import { windowState } from '../domain/time-window';
import {
  type CodeBatch,
  type Vote,
  type VoteKind,
  type VoterGroup,
  voterGroupLabels,
  voteWords,
} from '../domain/vote';
import { fail, notFound, validationError } from '../errors';

/** Once casting is over, codes are part of the count: none are added or revoked. */
const voteClosed = (kind: VoteKind) => fail(voteWords[kind].closed);

/** Who asked, what the audit trail names as the target, and what kind of vote it is. */
export interface VoteActor {
  actor: string;
  target: string;
  kind: VoteKind;
}

/**
 * Mints single-use codes for one voter group of a vote, as one batch.
 * 1. A closed vote gets no more codes.
 * 2. More codes than voters due (counting those already out, not revoked) need
 *    `confirmExcess`; without it the answer names the difference (409).
 * 3. Each code is 80 bits derived from the batch's random id with the secret;
 *    only its keyed hash is stored. The batch can be shown again (`batchCodes`)
 *    for reprinting, without minting again.
 */
export async function mintCodes(
  deps: Deps,
  by: VoteActor,
  vote: Vote,
  input: { voterGroup: VoterGroup; count: number; confirmExcess?: boolean | undefined },
) {
  if (windowState(vote, deps.now()) === 'closed') throw voteClosed(by.kind);
  const { voterGroup, count } = input;
  if (!input.confirmExcess) {
    const out = (await codesOf(deps, vote.id)).filter(
      (c) => c.voterGroup === voterGroup && c.state !== 'revoked',
    ).length;
    const due = vote.due[voterGroup];
    if (out + count > due) {
      throw fail('MORE_THAN_DUE', voterGroupLabels[voterGroup], due, out, count);
    }
  }
  const batch: CodeBatch = {
    id: randomBytes(16).toString('base64url'),
    voteId: vote.id,
    kind: by.kind,
    voterGroup,
    count,
    mintedAt: deps.now().toISOString(),
    mintedBy: by.actor,
  };
  const codes = codesOfBatch(deps, batch);
  const hashes = codes.map((code) => codeHash(deps.config.CODE_HASH_SECRET, code));
  await putCodes(deps, vote, batch, hashes, {
    actor: by.actor,
    action: `${voteWords[by.kind].audit}.codes.mint`,
    target: by.target,
    detail: { group: voterGroup, count },
  });
  return { batch, codes };
}

const codesOfBatch = (deps: Deps, batch: CodeBatch) =>
  Array.from({ length: batch.count }, (_, i) => batchCode(deps.config.CODE_HASH_SECRET, batch.id, i));

/** A minted batch's codes again, for reprinting its slips; nothing is minted. */
export async function batchCodes(deps: Deps, vote: Vote, batchId: string) {
  const batch = await getCodeBatch(deps, vote.id, batchId);
  if (!batch) throw notFound('没有这批选票码');
  return { batch, codes: codesOfBatch(deps, batch) };
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
 * How one kind of vote takes single-use codes: its kind, how a caller loads
 * and is authorized for it (`sessionFor`, `evaluationFor`), what the audit
 * trail names as the target, and a vote that takes no codes says so (`check`).
 */
export interface VoteCodeSpec<V extends Vote> {
  kind: VoteKind;
  load: (deps: Deps, who: Principal, action: Action, id: string) => Promise<V>;
  target: (v: V) => string;
  check?: (v: V) => void;
}

async function voteFor<V extends Vote>(deps: Deps, who: Principal, spec: VoteCodeSpec<V>, id: string) {
  const vote = await spec.load(deps, who, 'collect', id);
  return { vote, by: { actor: who.username, target: spec.target(vote), kind: spec.kind } };
}

/** Mints a batch of codes for a vote the caller runs (see `mintCodes`); the vote must take codes. */
export async function mintVoteCodes<V extends Vote>(
  deps: Deps,
  who: Principal,
  spec: VoteCodeSpec<V>,
  id: string,
  input: { voterGroup: VoterGroup; count: number; confirmExcess?: boolean | undefined },
) {
  const { vote, by } = await voteFor(deps, who, spec, id);
  spec.check?.(vote);
  return { vote, ...(await mintCodes(deps, by, vote, input)) };
}

/** A minted batch of a vote the caller runs, again for reprinting, with the vote (see `batchCodes`). */
export async function reprintVoteCodes<V extends Vote>(
  deps: Deps,
  who: Principal,
  spec: VoteCodeSpec<V>,
  id: string,
  batchId: string,
) {
  const vote = await spec.load(deps, who, 'collect', id);
  return { vote, ...(await batchCodes(deps, vote, batchId)) };
}

/** Revokes unused codes of a vote the caller runs (see `revokeCodes`). */
export async function revokeVoteCodes<V extends Vote>(
  deps: Deps,
  who: Principal,
  spec: VoteCodeSpec<V>,
  id: string,
  what: { code?: string | undefined; voterGroup?: VoterGroup | undefined },
) {
  const { vote, by } = await voteFor(deps, who, spec, id);
  return revokeCodes(deps, by, vote, { code: what.code, group: what.voterGroup });
}

/**
 * Closes a vote before its end time.
 * 1. The close is written on the vote itself (audited).
 * 2. Its unused codes are closed, so no cast gets through afterwards; a cast
 *    already under way either lands first (and counts) or is refused.
 * Counting runs step 2 again, so an interrupted close is finished before any result.
 */
export async function closeVoteEarly<V extends Vote>(
  deps: Deps,
  actor: string,
  kind: VoteKind,
  vote: V,
): Promise<V> {
  const words = voteWords[kind];
  if (windowState(vote, deps.now()) === 'closed') throw fail(words.closed);
  const at = deps.now().toISOString();
  await updateOpenVote(deps, actor, kind, vote, { closedEarlyAt: at }, `${words.audit}.close`);
  await closeUnusedCodes(deps, vote.id);
  return { ...vote, closedEarlyAt: at };
}
