import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/**
 * Gives every request an id of our own making, in the `X-Request-Id` answer
 * header and in the logs. An id a client sends is ignored: echoed and logged,
 * it could tie an anonymous submission to something the client chose.
 */
export function requestIds(): MiddlewareHandler<AppEnv> {
  return async function requestId(c, next) {
    const id = randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
