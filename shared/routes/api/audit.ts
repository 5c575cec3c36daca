import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { AuditEntry, AuditFilter } from '../../domain/audit';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok, PageQuery, pageOf, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditTrail } from '../../usecases/audit';
import { exportAudit } from '../../usecases/export-audit';
import { downloadHeaders } from '../../usecases/workbook';

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

const exported = createRoute({
  method: 'get',
  path: '/api/audit/export',
  tags: ['audit'],
  security,
  summary:
    'The whole audit trail the filter keeps, as CSV or XLSX with people and units by name (office); at most 20,000 entries, else 400 EXPORT_TOO_LARGE',
  request: { query: z.strictObject({ format: z.enum(['csv', 'xlsx']), ...AuditFilter.shape }) },
  responses: {
    200: {
      description: 'The audit trail as a file',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});

/** The audit trail of console changes, a page at a time or as one file. */
export function auditRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      const { items, nextCursor } = await auditTrail(deps, principalOf(c), { limit, cursor }, filter);
      return c.json({ items, ...(nextCursor ? { nextCursor } : {}) }, 200);
    })
    .openapi(exported, async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const file = await exportAudit(deps, principalOf(c), filter, format);
      return c.body(file, 200, downloadHeaders(format, 'audit', '操作记录'));
    });
}
