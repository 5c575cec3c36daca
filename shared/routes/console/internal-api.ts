import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { sessionCookie } from '../../auth/session';
import type { AppEnv } from '../../http/env';
import { ErrorBody } from '../../http/openapi';

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
