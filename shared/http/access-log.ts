import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log/logger';

/**
 * Logs one line per request: method, the matched route *pattern* (never the
 * path itself, which may hold a ballot code or link token), status, duration
 * and request id. It never logs IP addresses, user agents, cookies or bodies.
 *
 * @example
 * app.use(accessLog(deps.log));
 */
export function accessLog(log: Logger): MiddlewareHandler {
  return async function accessLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    log.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}
