import type { MiddlewareHandler } from 'hono';
import { notFound } from '../errors';

/**
 * No id of ours, token or code is longer than this; a DynamoDB key is at most
 * 2,048 bytes, so an unchecked path value could answer 500.
 */
const longestSegment = 200;

/**
 * Answers 404 for a path with a segment longer than any address of ours,
 * before any route reads it: every page, form post and API route is covered,
 * whatever its own parameter checks (the JSON API's still answer 400 first
 * for what they describe).
 *
 * @example app.use(refuseLongPaths());
 */
export function refuseLongPaths(): MiddlewareHandler {
  return async function pathGuard(c, next) {
    if (c.req.path.split('/').some((segment) => segment.length > longestSegment)) throw notFound();
    await next();
  };
}
