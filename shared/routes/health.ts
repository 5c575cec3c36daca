import { Hono } from 'hono';
import { pingTable } from '../data/repos/health';
import type { Deps } from '../deps';
import { unavailable } from '../errors';

/** `GET /healthz`: 200 when the table answers a read, 503 otherwise (described in public/openapi.ts). */
export function healthRoutes(deps: Deps) {
  return new Hono().get('/healthz', async (c) => {
    try {
      await pingTable(deps);
    } catch (err) {
      deps.log.warn('health check failed', { error: err instanceof Error ? err.name : 'unknown' });
      throw unavailable();
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}
