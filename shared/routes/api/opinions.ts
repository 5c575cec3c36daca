import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import { unitWithCounts } from '../../data/repos/opinion-aggregates';
import { allOpinions } from '../../data/repos/opinions';
import type { Deps } from '../../deps';
import { OpinionFilters } from '../../domain/opinion';
import { listOpinions, OpinionListPage } from '../../domain/opinion-list';
import { OpinionSummary } from '../../domain/opinion-summary';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok, PageQuery, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { opinionsCsv, opinionsXlsx, summaryCsv } from '../../usecases/export-opinions';
import { opinionListPage } from '../../usecases/list-opinions';
import { summarizeOpinions, summaryOf } from '../../usecases/summarize-opinions';
import { downloadHeaders } from '../../usecases/workbook';
import { guards } from './guard';

const tags = ['opinions'];

const list = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/opinions',
  tags,
  security,
  summary:
    'Opinions of the unit, newest day first, filterable; a filter matching fewer than k answers with a notice, and small groups’ respondent tags are withheld',
  request: { params: UnitParams, query: PageQuery.extend(OpinionFilters.shape) },
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
    query: z.strictObject({
      roundId: z.string().max(64).optional(),
      format: z.enum(['json', 'csv']).default('json'),
    }),
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
    query: z.strictObject({
      format: z.enum(['csv', 'xlsx']).default('csv'),
      roundId: z.string().max(64).optional(),
    }),
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
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      const { campaign } = await guard.campaign(c, 'read', unit.campaignId);
      const { limit, cursor, ...filters } = c.req.valid('query');
      const k = campaign.settings.anonymityK;
      return c.json(await opinionListPage(deps, unit.id, k, filters, { limit, cursor }), 200);
    })
    .openapi(summary, async (c) => {
      // The dashboard's read: the unit, its counts and (for a campaign-scoped caller) the
      // campaign in one BatchGetItem, whatever the number of opinions.
      const { scope } = principalOf(c);
      const { roundId, format } = c.req.valid('query');
      const read = await unitWithCounts(
        deps,
        c.req.valid('param').unitId,
        roundId,
        'campaignId' in scope ? scope.campaignId : undefined,
      );
      const { unit } = await guard.unitRead(c, 'read', read.unit);
      const campaign = await guard.campaignOf(c, unit, read.campaign);
      const counts = summaryOf(read.counts, unit.type, campaign.settings.anonymityK);
      if (format === 'csv') {
        const headers = downloadHeaders('csv', 'opinion-summary', `${unit.name}-群众意见汇总`);
        return c.body(summaryCsv(counts, unit.type, `${unit.name} 群众意见`), 200, headers);
      }
      return c.json(counts, 200);
    })
    .openapi(exportFile, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      const { campaign } = await guard.campaign(c, 'read', unit.campaignId);
      const { format, roundId } = c.req.valid('query');
      const { rows: opinions } = listOpinions(
        await allOpinions(deps, unit.id, roundId),
        { roundId },
        campaign.settings.anonymityK,
      );
      const headers = downloadHeaders(format, 'opinions', `${unit.name}-群众意见`);
      if (format === 'xlsx') {
        const summary = await summarizeOpinions(deps, unit, campaign.settings.anonymityK, roundId);
        const body = await opinionsXlsx(opinions, summary, unit.type, `${unit.name} 群众意见`);
        return c.body(body, 200, headers);
      }
      return c.body(opinionsCsv(opinions, unit.type), 200, headers);
    });
}
