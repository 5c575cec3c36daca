import { createHmac } from 'node:crypto';
import { base32Groups } from '../domain/base32';

/**
 * A short receipt for a submission, derived from its submission id: a
 * retry of the same submission shows the same receipt without anything
 * else being stored. Format `XXXX-XXXX` (40 bits).
 */
export function receiptFor(secret: string, submissionId: string): string {
  return base32Groups(createHmac('sha256', secret).update(`receipt:${submissionId}`).digest().subarray(0, 5));
}
