// Crockford's base32: no I, L, O or U, so what is read aloud or typed is hard to get wrong.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Bytes in Crockford's base32, eight characters for every five bytes, in
 * groups of four joined by dashes (`XXXX-XXXX`): how codes and receipts are
 * printed.
 */
export function base32Groups(bytes: Uint8Array): string {
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < Math.floor((bytes.length * 8) / 5); i++) {
    out = (alphabet[Number(bits & 31n)] ?? '0') + out;
    bits >>= 5n;
  }
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}
