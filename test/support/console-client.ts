import type { TestContext } from './test-env';

export const csrfIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';

/**
 * A cookie-carrying browser stand-in over `app.request`: it keeps every
 * cookie the app sets, signs in through the login form (with the form's
 * CSRF token, as a browser would), and posts forms with the page's token.
 */
export function consoleClient(t: TestContext, base = '') {
  const jar = new Map<string, string>();
  let csrf = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.request(`${base}${path}`, {
      ...init,
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = set.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    return res;
  };
  /** Posts a form with the CSRF token of the last page read (unless the fields carry their own). */
  const post = (path: string, fields: Record<string, string>) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  /** Reads a page and remembers its CSRF token for the next post. */
  const page = async (path: string) => {
    const res = await request(path);
    const html = await res.text();
    csrf = csrfIn(html) || csrf;
    return { res, html };
  };
  /** Signs in through the login page, as a browser does; returns the answer to the form post. */
  const signIn = async (username: string, password: string) => {
    await page('/console/login');
    const res = await post('/console/login', { username, password });
    if (res.status === 303) await page(res.headers.get('location') ?? '/console');
    return res;
  };
  return { request, post, page, signIn, cookies: jar };
}
