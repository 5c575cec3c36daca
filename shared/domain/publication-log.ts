import * as z from 'zod';
import { hashOf } from './canonical-json';

/**
 * A campaign's publication log (公示记录): append-only, each entry holding
 * the SHA-256 of what it published and the hash of the entry before it, so
 * changing any stored entry, the latest or an earlier one, breaks the chain
 * from there on. Anyone can walk it (`npm run verify`).
 */
export const genesisHash = '0'.repeat(64);

export const PublicationEntry = z
  .object({
    campaignId: z.string(),
    seq: z.number().int().min(1),
    /**
     * A disclosure, a later state of its rectification section (measures, progress,
     * evaluation), or the unit's approved 党性分析 materials made public within their scope.
     */
    kind: z.enum(['disclosure', 'rectification', 'analyses']),
    unitId: z.string(),
    /** The disclosure's token (`/p/{token}`), or the published materials' (`/a/{token}`). */
    token: z.string(),
    /** SHA-256 of the published content's canonical JSON. */
    contentSha256: z.string(),
    at: z.string(),
    /** The previous entry's hash (64 zeros for the first). */
    prevHash: z.string(),
    /** SHA-256 of this entry's canonical JSON without `hash`. */
    hash: z.string(),
  })
  .meta({ id: 'PublicationEntry' });
export type PublicationEntry = z.infer<typeof PublicationEntry>;

export const PublicationHead = z.object({ seq: z.number().int(), hash: z.string() });
export type PublicationHead = z.infer<typeof PublicationHead>;

/** The hash an entry must carry. */
export const entryHash = ({ hash: _h, ...rest }: Omit<PublicationEntry, 'hash'> & { hash?: string }) =>
  hashOf(rest);

/** The next entry after `head` (none yet: the first). */
export function nextEntry(
  head: PublicationHead | undefined,
  e: Omit<PublicationEntry, 'seq' | 'prevHash' | 'hash'>,
): PublicationEntry {
  const body = { ...e, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? genesisHash };
  return { ...body, hash: entryHash(body) };
}

/** Where a walk of the log failed: the entry's number and why, in Chinese and English. */
export interface ChainBreak {
  seq: number;
  zh: string;
  en: string;
}

/** Walks the log from its first entry: numbering, each entry's own hash, and the link to the one before. */
export function checkChain(entries: PublicationEntry[]): ChainBreak | undefined {
  let prev = genesisHash;
  for (const [i, e] of entries.entries()) {
    const seq = i + 1;
    if (e.seq !== seq)
      return { seq, zh: `第${seq}条编号不对（为${e.seq}）`, en: `entry ${seq} is numbered ${e.seq}` };
    if (e.prevHash !== prev)
      return { seq, zh: `第${seq}条与上一条接不上`, en: `entry ${seq} does not link to the entry before it` };
    if (entryHash(e) !== e.hash)
      return {
        seq,
        zh: `第${seq}条内容被改动（哈希不符）`,
        en: `entry ${seq} was altered (its hash does not match)`,
      };
    prev = e.hash;
  }
  return undefined;
}
