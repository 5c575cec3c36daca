import * as z from 'zod';
import { username } from './account';

/**
 * Counting (计票) of any vote, review session or evaluation alike: paper
 * slips handed out, two appointed tellers who each enter every slip, and the
 * confirmation that seals the results. The vote's own fields and the inputs.
 */

/** What every countable vote stores about its counting. */
export const countingFields = {
  /** The two tellers (计票人) the supervision group or the office appointed, by username. */
  teller1: z.string().optional(),
  teller2: z.string().optional(),
  /** How many teller entries were written; a confirmation that read fewer fails. */
  paperEntries: z.number().int().default(0),
  /** When and by whom the count was confirmed (计票结束); from then on the results are sealed. */
  countedAt: z.string().optional(),
  countedBy: z.string().optional(),
  /** SHA-256 of the sealed results' canonical JSON. */
  resultsSha256: z.string().optional(),
};

const paperCount = z.number().int().min(0).max(10_000);
/** How many paper slips were handed out, per voter group. */
export const PaperIssuedInput = z.strictObject({ member: paperCount, mass: paperCount });

/** The two tellers (计票人) appointed to a vote's counting. */
export const TellersInput = z.strictObject({ teller1: username, teller2: username });

/** Confirming the counting (计票结束), naming the paper slips still unresolved. */
export const ConfirmCountingInput = z.strictObject({
  unresolvedSlips: z.array(z.number().int().min(1).max(99_999)).max(10_000).default([]),
});

/** Which slip a teller enters, and as which teller (the route's `slipNo` and `teller`). */
export const CountingSlip = z.object({
  slipNo: z.coerce.number().int().min(1).max(99_999),
  teller: z.enum(['1', '2']),
});
export type CountingSlip = z.infer<typeof CountingSlip>;
