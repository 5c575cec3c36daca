import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { principalOf } from '../../auth/middleware';
import { fromOurPages } from '../../auth/origin';
import { csrfToken, sessionCookie, sessionSeconds } from '../../auth/session';
import { type Deps, sessionSecretOf } from '../../deps';
import { PasswordChange, Scope, SignInInput } from '../../domain/account';
import { fail } from '../../errors';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { changePassword, signIn, signOut } from '../../usecases/sign-in';

const Session = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    csrfToken: z.string(),
    account: z.object({ username: z.string(), displayName: z.string(), scope: Scope }),
  })
  .openapi('Session');

const Me = z
  .object({ username: z.string(), displayName: z.string(), scope: Scope, csrfToken: z.string().optional() })
  .openapi('Me');

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  summary: 'Sign in; sets the session cookie and returns a bearer token',
  request: { body: jsonBody(SignInInput) },
  responses: { 200: ok(Session), ...errorResponses, 423: { description: 'Locked after repeated failures' } },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  summary: 'Sign out: ends every session of the account',
  security,
  responses: { 204: { description: 'Signed out' }, ...errorResponses },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['auth'],
  summary: 'Who is signed in',
  security,
  responses: { 200: ok(Me), ...errorResponses },
});

const passwordChange = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your own password; ends your other sessions',
  security,
  request: { body: jsonBody(PasswordChange) },
  responses: { 204: { description: 'Changed' }, ...errorResponses },
});

/** Sets the HttpOnly, Secure, SameSite=Strict session cookie. */
export function setSessionCookie(c: Context, token: string) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: sessionSeconds,
  });
}

/** Sign-in, sign-out, who-am-I and password change. */
export function authRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(login, async (c) => {
      if (!fromOurPages(c, deps.config.PUBLIC_BASE_URL)) {
        throw fail('CROSS_SITE_REQUEST');
      }
      const body = c.req.valid('json');
      const { token, claims } = await signIn(deps, body.username, body.password);
      setSessionCookie(c, token);
      return c.json(
        {
          token,
          expiresAt: new Date(claims.exp * 1000).toISOString(),
          csrfToken: csrfToken(sessionSecretOf(deps), claims.sid),
          account: { username: claims.sub, displayName: claims.name, scope: claims.scope },
        },
        200,
      );
    })
    .openapi(logout, async (c) => {
      await signOut(deps, principalOf(c));
      deleteCookie(c, sessionCookie, { path: '/', secure: true });
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const who = principalOf(c);
      const session = c.get('session');
      return c.json(
        {
          ...who,
          ...(session?.via === 'cookie' ? { csrfToken: csrfToken(sessionSecretOf(deps), session.sid) } : {}),
        },
        200,
      );
    })
    .openapi(passwordChange, async (c) => {
      await changePassword(deps, principalOf(c), c.req.valid('json'));
      deleteCookie(c, sessionCookie, { path: '/', secure: true });
      return c.body(null, 204);
    });
}
