import type { Context } from 'hono';
import { csrfToken } from '../../auth/session';
import { type Deps, sessionSecretOf } from '../../deps';
import type { Principal } from '../../domain/account';
import { AppError, unauthorized } from '../../errors';
import type { AppEnv } from '../../http/env';
import { statusOf } from '../../http/status';

export interface PageContext {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
}

/** The signed-in person, their CSRF token and the flash message; undefined when nobody is signed in. */
export function pageContext(deps: Deps, c: Context<AppEnv>): PageContext | undefined {
  const who = c.get('principal');
  const session = c.get('session');
  if (!who || !session) return undefined;
  return {
    who,
    csrf: csrfToken(sessionSecretOf(deps), session.sid),
    flash: { ok: c.req.query('ok'), error: c.req.query('error') },
  };
}

/** The page context of a route the sign-in guard already let through (401 should it be missing). */
export function requirePageContext(deps: Deps, c: Context<AppEnv>): PageContext {
  const p = pageContext(deps, c);
  if (!p) throw unauthorized();
  return p;
}

/** The Chinese message of an error, with its field problems, for showing on a page. */
export function errorText(error: AppError): string {
  const detail = error.details.map((d) => `${d.path}：${d.message}`).join('；');
  return detail ? `${error.message}：${detail}` : error.message;
}

/** Whether an error is the person's to correct on the page (a 4xx), not the server's failure. */
const shownOnPage = (e: unknown): e is AppError => e instanceof AppError && statusOf[e.kind] < 500;

/**
 * After a form post: runs the use case, then goes back to `to` with its
 * success message, or with the error the person can correct
 * (Post/Redirect/Get). A server failure is thrown on to the error mapper.
 */
export async function backAfter(c: Context, to: string, okMessage: string, run: () => Promise<unknown>) {
  // `#where` (the row the person was at) goes after the query, so the page opens there again.
  const [address = '', where] = to.split('#');
  const [path, query] = address.split('?');
  const params = new URLSearchParams(query);
  try {
    await run();
    params.set('ok', okMessage);
  } catch (e) {
    if (!shownOnPage(e)) throw e;
    params.set('error', errorText(e));
  }
  // The path may carry a route parameter as typed: encoded, so no header value is ever invalid.
  const fragment = where && /^[\w-]+$/.test(where) ? `#${where}` : '';
  return c.redirect(`${encodeURI(path ?? '')}?${params.toString()}${fragment}`, 303);
}

/** A form field as a trimmed string ('' when absent or a file). */
export function field(form: Record<string, unknown>, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** A form field as a number, or the raw text so validation names the field. */
export function numberField(form: Record<string, unknown>, name: string): number | string {
  const v = field(form, name);
  return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
}
