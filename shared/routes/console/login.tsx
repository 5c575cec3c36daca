import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { fromOurPages } from '../../auth/origin';
import { csrfMatches, csrfToken, sessionCookie } from '../../auth/session';
import { type Deps, sessionSecretOf } from '../../deps';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { statusOf } from '../../http/status';
import { signIn, signOut } from '../../usecases/sign-in';
import { LoginPage } from '../../views/console/login';
import { page } from '../../views/page';
import { setSessionCookie } from '../api/auth';

/** The cookie holding the sign-in form's nonce, for the form's CSRF token before any session exists. */
const loginNonceCookie = 'login_nonce';

/** Signing in and out of the console. */
export function consoleLoginRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Sign-in has its own CSRF check (a nonce cookie and its HMAC in the form, since there is no
  // session yet) and an origin check; success always replaces any session the browser holds.
  const loginPage = (
    c: Context<AppEnv>,
    props: { error?: string; username?: string },
    status: 200 | 400 | 401 | 403 | 423 = 200,
    fresh = false,
  ) => {
    let nonce = fresh ? undefined : getCookie(c, loginNonceCookie);
    if (!nonce) {
      nonce = randomBytes(16).toString('base64url');
      setCookie(c, loginNonceCookie, nonce, {
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
        path: '/console/login',
        maxAge: 3600,
      });
    }
    const csrf = csrfToken(sessionSecretOf(deps), `login:${nonce}`);
    return c.html(page(<LoginPage csrf={csrf} {...props} />), status);
  };
  app.get('/console/login', (c) => loginPage(c, {}));
  app.post('/console/login', async (c) => {
    const form = await readForm(c);
    const username = typeof form.username === 'string' ? form.username.trim().toLowerCase() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const nonce = getCookie(c, loginNonceCookie) ?? '';
    const given = typeof form._csrf === 'string' ? form._csrf : undefined;
    if (
      !fromOurPages(c, deps.config.PUBLIC_BASE_URL) ||
      !nonce ||
      !csrfMatches(sessionSecretOf(deps), `login:${nonce}`, given)
    ) {
      // A post from another site, or a stale form: nothing is checked; a fresh form is shown.
      return loginPage(c, { error: '页面已过期，请重新输入后登录', username }, 403, true);
    }
    try {
      const { token } = await signIn(deps, username, password);
      deleteCookie(c, loginNonceCookie, { path: '/console/login', secure: true });
      setSessionCookie(c, token);
      return c.redirect('/console', 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return loginPage(c, { error: err.message, username }, statusOf[err.kind] as 400 | 401 | 403 | 423);
    }
  });
  app.post('/console/logout', async (c) => {
    const who = c.get('principal');
    if (who) await signOut(deps, who);
    deleteCookie(c, sessionCookie, { path: '/', secure: true });
    return c.redirect('/console/login', 303);
  });

  return app;
}
