import type { Context } from 'hono';

/** The absolute URL of `path` on our public origin (PUBLIC_BASE_URL, else the request's own origin). */
export function publicUrl(c: Context, base: string | undefined, path: string): string {
  return new URL(path, base ?? new URL(c.req.url).origin).toString();
}
