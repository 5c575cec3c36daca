import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/middleware';
import { accessPatterns } from '../../data/keys';
import { type QueryFilter, queryAll, queryPage } from '../../data/query';
import type { Deps } from '../../deps';
import { Opinion } from '../../domain/opinion';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok, PageQuery, pageOf, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { opinionsCsv, opinionsXlsx } from '../../usecases/export-opinions';
import { summarizeOpinions } from '../../usecases/summarize-opinions';
import { loadCampaign, loadUnit, unitResource } from './load';

const tags = ['opinions'];
const code = z.string().regex(/^[a-zA-Z]{1,32}$/);
const Filters = z.strictObject({
  roundId: z.string().max(64).optional(),
  about: code.optional(),
  focus: code.optional(),
  problem: code.optional(),
  respondent: z.enum(['member', 'mass']).optional(),
});
export const OpinionView = Opinion.omit({ contentHash: true, receipt: true }).openapi('OpinionView');
const Cell = z.object({ key: z.string(), count: z.number().nullable() });
export const OpinionSummarySchema = z
  .object({
    k: z.number(),
    total: z.number().nullable(),
    respondent: z.array(Cell),
    about: z.array(Cell),
    focus: z.array(Cell),
    problems: z.array(Cell),
  })
  .openapi('OpinionSummary');

/** The FilterExpression for the list's filters (all must hold). */
function filterOf(f: z.infer<typeof Filters>): QueryFilter | undefined {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const add = (attr: string, op: 'eq' | 'contains', value: string | undefined) => {
    if (value === undefined) return;
    const i = parts.length;
    names[`#f${i}`] = attr;
    values[`:f${i}`] = value;
    parts.push(op === 'eq' ? `#f${i} = :f${i}` : `contains(#f${i}, :f${i})`);
  };
  add('roundId', 'eq', f.roundId);
  add('about', 'contains', f.about);
  add('focus', 'contains', f.focus);
  add('problems', 'contains', f.problem);
  add('respondent', 'eq', f.respondent);
  return parts.length ? { expression: parts.join(' AND '), names, values } : undefined;
}

const list = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/opinions',
  tags,
  security,
  summary: 'Opinions of the unit, newest day first, filterable',
  request: { params: UnitParams, query: PageQuery.extend(Filters.shape) },
  responses: { 200: ok(pageOf(OpinionView)), ...errorResponses },
});
const summary = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/opinions/summary',
  tags,
  security,
  summary: 'Counts by respondent, subject, focus area and problem; groups below k are null',
  request: { params: UnitParams, query: z.strictObject({ roundId: z.string().max(64).optional() }) },
  responses: { 200: ok(OpinionSummarySchema), ...errorResponses },
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
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unitId } = c.req.valid('param');
      authorize(c, 'read', unitResource(await loadUnit(deps, unitId)));
      const { limit, cursor, ...filters } = c.req.valid('query');
      const page = await queryPage(
        deps.db,
        deps.tableName,
        accessPatterns.opinionsOfUnit(unitId),
        OpinionView,
        {
          limit,
          cursor,
          filter: filterOf(filters),
        },
      );
      return c.json(page, 200);
    })
    .openapi(summary, async (c) => {
      const unit = await loadUnit(deps, c.req.valid('param').unitId);
      authorize(c, 'read', unitResource(unit));
      const { settings } = await loadCampaign(deps, unit.campaignId);
      return c.json(
        await summarizeOpinions(deps, unit, settings.anonymityK, c.req.valid('query').roundId),
        200,
      );
    })
    .openapi(exportFile, async (c) => {
      const unit = await loadUnit(deps, c.req.valid('param').unitId);
      authorize(c, 'read', unitResource(unit));
      const { format, roundId } = c.req.valid('query');
      const pattern = roundId
        ? accessPatterns.opinionsOfRound(roundId)
        : accessPatterns.opinionsOfUnit(unit.id);
      const opinions = (await queryAll(deps.db, deps.tableName, pattern, Opinion)).filter(
        (o) => o.unitId === unit.id,
      );
      const name = encodeURIComponent(`${unit.name}-群众意见.${format}`);
      const disposition = `attachment; filename="opinions.${format}"; filename*=UTF-8''${name}`;
      if (format === 'xlsx') {
        const body = await opinionsXlsx(opinions, unit.type, `${unit.name} 群众意见`);
        return c.body(body, 200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': disposition,
        });
      }
      return c.body(opinionsCsv(opinions, unit.type), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': disposition,
      });
    });
}
