import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { pingTable } from '../data/repos/health';
import type { Deps } from '../deps';
import { unavailable } from '../errors';
import { validationHook } from '../http/validation';

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and table reachability',
  responses: {
    200: {
      description: 'The app runs and the table answers',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
    503: { description: 'The table does not answer' },
  },
});

/** `GET /healthz`: 200 when the table answers a read, 503 otherwise. */
export function healthRoutes(deps: Deps) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(route, async (c) => {
    try {
      await pingTable(deps);
    } catch (err) {
      deps.log.warn('health check failed', { error: err instanceof Error ? err.name : 'unknown' });
      throw unavailable();
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}
