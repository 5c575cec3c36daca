import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PublicConfig } from '../../config/env';
import { AppError } from '../../errors';
import { createTokenBuckets } from '../../http/rate-limit';
import { statusOf } from '../../http/status';
import type { Brakes } from '../../usecases/flood-brake';
import { page } from '../../views/page';

/**
 * The one public submission pipeline of `/f`, `/b` and `/e`: one set of
 * brakes per instance, one request token per rendered page, and one answer
 * to a post (the thanks page's address, or the page again with what to fix).
 */

/** The brakes every public desk of this instance shares: submissions and look-ups apart. */
export function publicBrakes(config: Pick<PublicConfig, 'FLOOD_BURST' | 'FLOOD_PER_SECOND'>): Brakes {
  const budget = { capacity: config.FLOOD_BURST, refillPerSecond: config.FLOOD_PER_SECOND };
  const submissions = createTokenBuckets(budget);
  const lookUps = createTokenBuckets(budget);
  return { submissions: (key) => submissions.take(key), lookUps: (key) => lookUps.take(key) };
}

/** The token a rendered page carries, so a resend of it is stored once. */
export const newRequestToken = () => randomBytes(16).toString('base64url');

/** What a person can put right on the page itself: the fields named, a resend after a pause. */
const correctable = (err: unknown): err is AppError =>
  err instanceof AppError &&
  (err.code === 'VALIDATION_FAILED' || err.code === 'SUBMISSION_CONFLICT' || err.kind === 'tooMany');

/**
 * A person reads the question, never a raw value: a schema's own wording for
 * a value outside the choices offered (zod's "期望以下之一 …") becomes a
 * plain request. The schemas name each question; this is the safety net.
 */
const plainly = (p: { path: string; message: string }) =>
  p.message.includes('期望') ? { ...p, message: '请从给出的选项中选择一项' } : p;

/**
 * Sends a page's post. Stored: Post/Redirect/Get to the thanks page, whose
 * address can be refreshed, reopened or forwarded. Correctable: the page
 * again with what was sent and what to fix (`notice` for a refusal that
 * names no field). Anything else goes to the route's notice page.
 */
export async function sendFromPage(
  c: Context,
  send: () => Promise<{ receipt: string }>,
  thanksPath: (receipt: string) => string,
  again: (fix: { errors: AppError['details']; notice?: string }) => Child,
): Promise<Response> {
  try {
    const { receipt } = await send();
    return c.redirect(thanksPath(receipt), 303);
  } catch (err) {
    if (!correctable(err)) throw err;
    const notice = err.code === 'VALIDATION_FAILED' ? undefined : err.message;
    return c.html(page(again({ errors: err.details.map(plainly), notice })), statusOf[err.kind]);
  }
}
