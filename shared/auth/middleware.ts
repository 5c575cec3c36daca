import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getAccount } from '../data/repos/accounts';
import { type Deps, sessionSecretOf } from '../deps';
import type { Principal } from '../domain/account';
import { fail, unauthorized } from '../errors';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/form';
import { fromOurPages } from './origin';
import { csrfMatches, readSession, sessionCookie } from './session';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the session from `Authorization: Bearer` or the session cookie and,
 * when it is valid and the account still allows it, sets `principal`.
 * Cookie-authenticated writes must come from our own pages (`Origin`,
 * `Sec-Fetch-Site`) and carry the CSRF token (`X-CSRF-Token` header or
 * `_csrf` form field). It never rejects anonymous requests: routes
 * that need a principal ask for one with `principalOf`.
 */
export function sessionMiddleware(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    // The masses' public API carries no session and must never trip over a console cookie.
    if (c.req.path.startsWith('/api/public/')) return next();
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const cookie = getCookie(c, sessionCookie);
    const token = bearer ?? cookie;
    if (token) {
      const claims = await readSession(sessionSecretOf(deps), token);
      const account = claims ? await getAccount(deps, claims.sub) : undefined;
      if (claims && account && !account.disabled && account.tokenVersion === claims.ver) {
        c.set('principal', {
          username: account.username,
          displayName: account.displayName,
          scope: account.scope,
        });
        c.set('session', { sid: claims.sid, via: bearer ? 'bearer' : 'cookie' });
      }
    }
    const session = c.get('session');
    // Signing in has its own CSRF and origin checks, and always replaces the session a browser holds.
    const signingIn = c.req.path === '/console/login' || c.req.path === '/api/auth/login';
    if (session?.via === 'cookie' && unsafe.has(c.req.method) && !signingIn) {
      if (!fromOurPages(c, deps.config.PUBLIC_BASE_URL)) {
        throw fail('CROSS_SITE_REQUEST');
      }
      let given = c.req.header('x-csrf-token');
      if (!given && (c.req.header('content-type') ?? '').includes('form')) {
        const form = await readForm(c);
        given = typeof form._csrf === 'string' ? form._csrf : undefined;
      }
      if (!csrfMatches(sessionSecretOf(deps), session.sid, given)) {
        throw fail('CSRF_FAILED');
      }
    }
    await next();
  };
}

/** The signed-in caller, or 401. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw unauthorized();
  return principal;
}
