import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { authorize } from '../../auth/middleware';
import { listAudit } from '../../data/repos/audit';
import type { Deps } from '../../deps';
import { AuditEntry } from '../../domain/audit';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok, PageQuery, pageOf, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { officeResource } from './guard';

const list = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['audit'],
  security,
  summary: 'Every console change, newest first (office)',
  request: { query: PageQuery },
  responses: { 200: ok(pageOf(AuditEntry)), ...errorResponses },
});

/** The audit trail of console changes. */
export function auditRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, async (c) => {
    authorize(c, 'read', officeResource);
    return c.json(await listAudit(deps, c.req.valid('query')), 200);
  });
}
