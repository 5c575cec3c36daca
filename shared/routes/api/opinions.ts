import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { OpinionExportQuery, OpinionListQuery, OpinionSummaryQuery } from '../../domain/opinion';
import { OpinionListPage } from '../../domain/opinion-list';
import { OpinionSummary } from '../../domain/opinion-summary';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { exportOpinions, summaryCsv } from '../../usecases/export-opinions';
import { opinionListPage } from '../../usecases/list-opinions';
import { opinionSummary } from '../../usecases/summarize-opinions';
import { downloadHeaders } from '../../usecases/workbook';

const tags = ['opinions'];

const list = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/opinions',
  tags,
  security,
  summary:
    'Opinions of the unit, newest day first, filterable; a filter matching fewer than k answers with a notice, and small groups’ respondent tags are withheld',
  request: { params: UnitParams, query: OpinionListQuery },
  responses: { 200: ok(OpinionListPage), ...errorResponses },
});
const summary = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/opinions/summary',
  tags,
  security,
  summary:
    'Counts by respondent, subject, focus area and problem; groups below k are null. As CSV (format=csv), the rows of the Excel export’s 汇总 sheet',
  request: {
    params: UnitParams,
    query: OpinionSummaryQuery,
  },
  responses: {
    200: {
      description: 'The counts',
      content: {
        'application/json': { schema: OpinionSummary },
        'text/csv': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});
const exportFile = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/opinions/export',
  tags,
  security,
  summary: 'All opinions as CSV (UTF-8 with BOM) or XLSX',
  request: {
    params: UnitParams,
    query: OpinionExportQuery,
  },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});

/** The leader's view of the masses' opinions: list, counts, exports. */
export function opinionRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { limit, cursor, ...filters } = c.req.valid('query');
      const { unitId } = c.req.valid('param');
      return c.json(await opinionListPage(deps, principalOf(c), unitId, filters, { limit, cursor }), 200);
    })
    .openapi(summary, async (c) => {
      const { roundId, format } = c.req.valid('query');
      const { unit, summary } = await opinionSummary(
        deps,
        principalOf(c),
        c.req.valid('param').unitId,
        roundId,
      );
      if (format === 'csv') {
        const headers = downloadHeaders('csv', 'opinion-summary', `${unit.name}-群众意见汇总`);
        return c.body(summaryCsv(summary, unit.type, `${unit.name} 群众意见`), 200, headers);
      }
      return c.json(summary, 200);
    })
    .openapi(exportFile, async (c) => {
      const { format, roundId } = c.req.valid('query');
      const who = principalOf(c);
      const { unit, body } = await exportOpinions(deps, who, c.req.valid('param').unitId, format, roundId);
      return c.body(body, 200, downloadHeaders(format, 'opinions', `${unit.name}-群众意见`));
    });
}
