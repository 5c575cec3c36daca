import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { sessionCookie } from '../../auth/session';
import { AppError, type ErrorKind } from '../../errors';
import type { AppEnv } from '../../http/env';
import { ErrorBody } from '../../http/openapi';
import { statusOf } from '../../http/status';

export interface ApiResult {
  ok: boolean;
  status: number;
  body: unknown;
}

/**
 * The console is a server-side client of the JSON API: every page reads and
 * writes through the same routes, so validation and the authorization policy
 * live in one place. The session cookie (already CSRF-checked for writes by
 * the session middleware) is forwarded as a bearer token.
 */
export function internalApi(app: Hono<AppEnv>) {
  return async function api(
    c: Context<AppEnv>,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResult> {
    const token = getCookie(c, sessionCookie) ?? '';
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let payload: string | undefined;
    if (typeof body === 'string') {
      headers['content-type'] = 'text/csv';
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await app.request(path, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await res.text();
    return { ok: res.ok, status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export type InternalApi = ReturnType<typeof internalApi>;

/** The Chinese message of an API error, with its field problems, for showing on a page. */
export function errorText(result: ApiResult): string {
  const parsed = ErrorBody.safeParse(result.body);
  if (!parsed.success) return `操作失败（${result.status}）`;
  const { message, details } = parsed.data.error;
  const detail = details.map((d) => `${d.path}：${d.message}`).join('；');
  return detail ? `${message}：${detail}` : message;
}

/** The API's client errors a page passes on as they are (400 stays 400); a 5xx stays the page's own failure. */
const passedOn = Object.fromEntries(
  (Object.entries(statusOf) as [ErrorKind, number][])
    .filter(([, status]) => status < 500)
    .map(([k, s]) => [s, k]),
) as Partial<Record<number, ErrorKind>>;

/** TRANSITIONAL: the data of a successful API answer, or the API's own error thrown on with its kind. */
export function apiData(result: ApiResult): unknown {
  if (result.ok) return result.body;
  const parsed = ErrorBody.safeParse(result.body);
  const kind = passedOn[result.status] ?? 'internal';
  throw new AppError(kind, parsed.data?.error.code ?? 'INTERNAL', parsed.data?.error.message ?? '操作失败');
}

/** TRANSITIONAL: after a form post through the loopback API, back to `to` with a message. */
export function back(c: Context, to: string, result: ApiResult, okMessage: string) {
  const [path, query] = to.split('?');
  const params = new URLSearchParams(query);
  if (result.ok) params.set('ok', okMessage);
  else params.set('error', errorText(result));
  return c.redirect(`${encodeURI(path ?? '')}?${params.toString()}`, 303);
}
