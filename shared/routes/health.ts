import { Hono } from 'hono';
import type { Deps } from '../deps';
import { checkHealth } from '../usecases/health';

/** `GET /healthz`: 200 when the table answers a read, 503 otherwise (described in public/openapi.ts). */
export function healthRoutes(deps: Deps) {
  return new Hono().get('/healthz', async (c) => {
    await checkHealth(deps);
    return c.json({ status: 'ok' as const }, 200);
  });
}
