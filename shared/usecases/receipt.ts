import { createHmac } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a receipt read aloud or typed is not mistaken.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short receipt for a submission, derived from its submission id: a
 * retry of the same submission shows the same receipt without anything
 * else being stored. Format `XXXX-XXXX` (40 bits).
 */
export function receiptFor(secret: string, submissionId: string): string {
  const bytes = createHmac('sha256', secret).update(`receipt:${submissionId}`).digest();
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = (alphabet[Number(bits & 31n)] ?? '0') + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
