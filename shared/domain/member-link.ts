import { createHmac } from 'node:crypto';
import * as z from 'zod';
import { token22Pattern } from './public-forms';

/**
 * A party member's personal link (`/m/{token}`): not anonymous, and never a
 * ballot code. The token is 128 bits of HMAC-SHA-256 keyed with the
 * code-hash secret over the link's random id, so the console can print the
 * slip again from the id; it is stored only as its keyed hash, under a
 * different label than ballot codes, and nothing of it is in the ballot box.
 */
export const memberLinkToken = (secret: string, linkId: string): string =>
  createHmac('sha256', secret).update(`member-link:${linkId}`).digest().subarray(0, 16).toString('base64url');

export const memberLinkHash = (secret: string, token: string): string =>
  createHmac('sha256', secret).update(`member-link-hash:${token}`).digest('base64url');

/** A token as it appears in a link: 22 base64url characters. */
export const MemberLinkToken = z.string().regex(token22Pattern);

/** The stored link: by its hash, naming the member it opens. */
export const MemberLink = z.object({
  linkHash: z.string(),
  linkId: z.string(),
  memberId: z.string(),
  unitId: z.string(),
  campaignId: z.string(),
  groupId: z.string(),
  createdAt: z.string(),
});
export type MemberLink = z.infer<typeof MemberLink>;
