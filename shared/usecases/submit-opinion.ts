import { getOpinion, putOpinion } from '../data/repos/opinions';
import { getRound } from '../data/repos/rounds';
import type { Deps } from '../deps';
import { chinaDay } from '../domain/china-day';
import { type Opinion, type OpinionInput, storedContent } from '../domain/opinion';
import type { Round } from '../domain/round';
import { windowClosedError } from '../domain/time-window';
import { conflict, notFound } from '../errors';
import { receiptFor } from './receipt';

export interface Submitted {
  receipt: string;
  /** False when this was a retry of a submission already stored. */
  created: boolean;
}

/**
 * Stores one anonymous opinion, once.
 * 1. Mask personal data in the text and hash the content.
 * 2. Put it under its submission id, in one request that also checks the round is open.
 * 3. If the id was used: the same content is a retry (same receipt, nothing
 *    stored); other content is a 409.
 * Only the China day is kept as time; nothing about the sender is stored.
 */
export async function submitOpinion(deps: Deps, round: Round, input: OpinionInput): Promise<Submitted> {
  const now = deps.now();
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
  const result = await putOpinion(deps, input.submissionId, opinion, now);
  if (result === 'stored') return { receipt, created: true };
  if (result === 'idTaken') {
    const stored = await getOpinion(deps, round.id, input.submissionId);
    if (stored?.contentHash === contentHash) return { receipt: stored.receipt, created: false };
    throw conflict('SUBMISSION_CONFLICT', '这份意见已经提交过，内容不同。如需再提一条意见，请重新打开页面。');
  }
  const current = await getRound(deps, round.id);
  if (!current) throw notFound();
  throw windowClosedError('round', current, now);
}
