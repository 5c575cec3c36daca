import { createHmac } from 'node:crypto';
import { base32Groups } from './base32';

/**
 * The `index`-th code of a minted batch, grouped `XXXX-XXXX-XXXX-XXXX`: 80 bits of HMAC-SHA-256 keyed with
 * the code-hash secret over the batch's random id. The slips page can be
 * reloaded and reprinted from the batch id without minting again; without
 * the secret the codes cannot be had from the id.
 */
export const batchCode = (secret: string, batchId: string, index: number): string =>
  base32Groups(
    createHmac('sha256', secret).update(`code-batch:${batchId}:${index}`).digest().subarray(0, 10),
  );

/**
 * A code as typed or scanned, in canonical form: upper case, no spaces or
 * dashes, the look-alikes I/L read as 1 and O as 0. Undefined if it cannot be a code.
 */
export function normalizeCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(s) ? s : undefined;
}

/** The keyed hash under which a code is stored; the code itself is never stored. */
export function codeHash(secret: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`ballot-code:${normalizeCode(code) ?? code}`)
    .digest('base64url');
}

/** The id of the ballot a page's request token casts: a retry with the same token finds the same ballot. */
export function ballotIdFor(secret: string, requestToken: string): string {
  return createHmac('sha256', secret).update(`ballot-id:${requestToken}`).digest('base64url').slice(0, 22);
}
