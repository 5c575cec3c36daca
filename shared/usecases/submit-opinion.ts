import { getOpinion, putOpinion } from '../data/repos/opinions';
import type { Deps } from '../deps';
import { chinaDay } from '../domain/china-day';
import { type Opinion, type OpinionInput, storedContent } from '../domain/opinion';
import type { Round } from '../domain/round';
import { windowClosedError, windowState } from '../domain/time-window';
import { fail } from '../errors';
import { receiptFor } from './receipt';

export interface Submitted {
  receipt: string;
  /** False when this was a retry of a submission already stored. */
  created: boolean;
}

/**
 * Stores one anonymous opinion, once.
 * 1. The round must take opinions now (the caller's read of it, which may come from a
 *    short per-instance cache; the round item is never part of the write).
 * 2. Put it under its submission id: one conditional PutItem.
 * 3. If the id was used: the same content is a retry (same receipt, nothing
 *    stored); other content is a 409.
 * Only the China day is kept as time; nothing about the sender is stored.
 */
export async function submitOpinion(deps: Deps, round: Round, input: OpinionInput): Promise<Submitted> {
  const now = deps.now();
  // Personal data in the text is masked; the hash tells a retry from a different text.
  const { content, contentHash } = storedContent(input);
  const receipt = receiptFor(deps.config.CODE_HASH_SECRET, input.submissionId);
  const opinion: Opinion = {
    roundId: round.id,
    unitId: round.unitId,
    formVersion: round.form.version,
    day: chinaDay(now),
    ...content,
    receipt,
    contentHash,
  };
  const open = windowState(round, now) === 'open';
  if (open && (await putOpinion(deps, input.submissionId, opinion)) === 'stored')
    return { receipt, created: true };
  // A retry of what was stored (before the round closed, too) gets its receipt again.
  const stored = await getOpinion(deps, round.id, input.submissionId);
  if (stored?.contentHash === contentHash) return { receipt: stored.receipt, created: false };
  if (!open) throw windowClosedError('round', round, now);
  throw fail('SUBMISSION_CONFLICT');
}
