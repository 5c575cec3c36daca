import type { Context } from 'hono';

/**
 * Whether a state-changing request came from our own pages. Browsers send
 * `Sec-Fetch-Site` and `Origin` on form posts and fetches; a request from
 * another site says so in one of them. Requests without either (curl, the
 * tests, old browsers) are left to the CSRF token.
 */
export function fromOurPages(c: Context, publicOrigin: string): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return true;
  if (site) return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  return origin === new URL(publicOrigin).origin;
}
