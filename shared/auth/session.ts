import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sign, verify } from 'hono/jwt';
import * as z from 'zod';
import { Scope } from '../domain/account';

/** How long a console session lasts. */
export const sessionSeconds = 8 * 60 * 60;
export const sessionCookie = 'session';

const Claims = z.object({
  sub: z.string(),
  name: z.string(),
  scope: Scope,
  /** The account's token version: bumped by sign-out and password changes to end older sessions. */
  ver: z.number().int(),
  sid: z.string(),
  exp: z.number(),
});
export type Claims = z.infer<typeof Claims>;

/** Signs a session token (HS256) for an account. */
export async function issueSession(
  secret: string,
  account: { username: string; displayName: string; scope: Scope; tokenVersion: number },
  now: Date,
): Promise<{ token: string; claims: Claims }> {
  const claims: Claims = {
    sub: account.username,
    name: account.displayName,
    scope: account.scope,
    ver: account.tokenVersion,
    sid: randomBytes(12).toString('base64url'),
    exp: Math.floor(now.getTime() / 1000) + sessionSeconds,
  };
  return { token: await sign(claims, secret, 'HS256'), claims };
}

/** Verifies a session token's signature and expiry; undefined when it is not valid. */
export async function readSession(secret: string, token: string): Promise<Claims | undefined> {
  try {
    const parsed = Claims.safeParse(await verify(token, secret, 'HS256'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The CSRF token for a cookie session: an HMAC of its session id, so nothing needs storing. */
export function csrfToken(secret: string, sid: string): string {
  return createHmac('sha256', secret).update(`csrf:${sid}`).digest('base64url');
}

export function csrfMatches(secret: string, sid: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfToken(secret, sid));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
