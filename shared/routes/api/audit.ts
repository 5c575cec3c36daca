import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { AuditEntry, AuditFilter } from '../../domain/audit';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok, PageQuery, pageOf, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditTrail } from '../../usecases/audit';

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  security,
  summary:
    'Every console change, newest first (office); narrowed by ?unit=, ?actor=, ?action= and China days ?from=&to=',
  request: { query: PageQuery.extend(AuditFilter.shape) },
  responses: { 200: ok(pageOf(AuditEntry)), ...errorResponses },
});

/** The audit trail of console changes. */
export function auditRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const { items, nextCursor } = await auditTrail(deps, principalOf(c), { limit, cursor }, filter);
    return c.json({ items, ...(nextCursor ? { nextCursor } : {}) }, 200);
  });
}
