import type { Context } from 'hono';

/**
 * Whether an error or 404 should be answered as JSON rather than a Chinese
 * page: API paths always, anything else unless the client asks for HTML.
 */
export function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith('/api/') || c.req.path === '/api') return true;
  const accept = c.req.header('accept') ?? '';
  return !accept.includes('text/html');
}
