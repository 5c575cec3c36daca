import type { Context } from 'hono';
import { csrfToken } from '../../auth/session';
import type { Deps } from '../../deps';
import type { Principal } from '../../domain/account';
import { AppError, type ErrorKind, unauthorized } from '../../errors';
import type { AppEnv } from '../../http/env';
import { ErrorBody } from '../../http/openapi';
import { statusOf } from '../../http/status';
import { type ApiResult, errorText } from './internal-api';

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
    csrf: csrfToken(deps.config.SESSION_SECRET, session.sid),
    flash: { ok: c.req.query('ok'), error: c.req.query('error') },
  };
}

/** The page context of a route the sign-in guard already let through (401 should it be missing). */
export function requirePageContext(deps: Deps, c: Context<AppEnv>): PageContext {
  const p = pageContext(deps, c);
  if (!p) throw unauthorized();
  return p;
}

/** The API's client errors a page passes on as they are (400 stays 400); a 5xx stays the page's own failure. */
const passedOn = Object.fromEntries(
  (Object.entries(statusOf) as [ErrorKind, number][])
    .filter(([, status]) => status < 500)
    .map(([k, s]) => [s, k]),
) as Partial<Record<number, ErrorKind>>;

/** The data of a successful API answer, or the API's own error thrown on with its kind (404 stays 404). */
export function apiData(result: ApiResult): unknown {
  if (result.ok) return result.body;
  const parsed = ErrorBody.safeParse(result.body);
  const kind = passedOn[result.status] ?? 'internal';
  throw new AppError(kind, parsed.data?.error.code ?? 'INTERNAL', parsed.data?.error.message ?? '操作失败');
}

/** After a form post: back to `to` with a success or error message (Post/Redirect/Get). */
export function back(c: Context, to: string, result: ApiResult, okMessage: string) {
  const [path, query] = to.split('?');
  const params = new URLSearchParams(query);
  if (result.ok) params.set('ok', okMessage);
  else params.set('error', errorText(result));
  // The path may carry a route parameter as typed: encoded, so no header value is ever invalid.
  return c.redirect(`${encodeURI(path ?? '')}?${params.toString()}`, 303);
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
