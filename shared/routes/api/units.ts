import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import {
  StageDecision,
  StageDecisionInput,
  StageRequest,
  StageRequestInput,
  Unit,
  UnitInput,
  UnitPatch,
} from '../../domain/org';
import type { AppEnv } from '../../http/env';
import {
  CampaignParams,
  errorResponses,
  jsonBody,
  ok,
  PageQuery,
  pageOf,
  security,
  UnitParams,
} from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { importUnits } from '../../usecases/import-units';
import { decideStageChange, requestStageChange } from '../../usecases/stage-change';
import { changeUnit, createUnit, readUnit, unitsFor } from '../../usecases/units';

const tags = ['units'];

const list = createRoute({
  method: 'get',
  path: '/api/campaigns/{campaignId}/units',
  tags,
  security,
  summary: 'Units you can see: the office all (or one group), a supervisor their group, a leader their unit',
  request: { params: CampaignParams, query: PageQuery.extend({ groupId: z.string().max(64).optional() }) },
  responses: { 200: ok(pageOf(Unit)), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/campaigns/{campaignId}/units',
  tags,
  security,
  summary: 'Add a participating unit (office)',
  request: { params: CampaignParams, body: jsonBody(UnitInput) },
  responses: { 201: ok(Unit, 'Created'), ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/units/{unitId}',
  tags,
  security,
  summary: 'One unit',
  request: { params: UnitParams },
  responses: { 200: ok(Unit), ...errorResponses },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/units/{unitId}',
  tags,
  security,
  summary: 'Change a unit (office); its stage changes only through stage requests',
  request: { params: UnitParams, body: jsonBody(UnitPatch) },
  responses: { 200: ok(Unit), ...errorResponses },
});
const stageRequest = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/stage-request',
  tags,
  security,
  summary: 'Ask to move to the next stage (转段申请; the unit leader)',
  request: { params: UnitParams, body: jsonBody(StageRequestInput) },
  responses: { 200: ok(StageRequest), ...errorResponses },
});
const stageDecision = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/stage-decision',
  tags,
  security,
  summary: 'Approve or refuse a pending stage request (the unit’s supervision group)',
  request: { params: UnitParams, body: jsonBody(StageDecisionInput) },
  responses: { 200: ok(StageDecision), ...errorResponses },
});

const importCsv = createRoute({
  method: 'post',
  path: '/api/campaigns/{campaignId}/units/import',
  tags,
  security,
  summary:
    'Import units from CSV (单位名称,类型,党组织,第一责任人职务,应到党员数,群众代表数,督导组), all or nothing',
  request: {
    params: CampaignParams,
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: { 201: ok(z.object({ imported: z.number() }), 'Imported'), ...errorResponses },
});

/** Participating units (参加单位) and their stage changes (转段). */
export function unitRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { campaignId } = c.req.valid('param');
      return c.json(await unitsFor(deps, principalOf(c), campaignId, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const { campaignId } = c.req.valid('param');
      return c.json(await createUnit(deps, principalOf(c), campaignId, c.req.valid('json')), 201);
    })
    .openapi(importCsv, async (c) => {
      const who = principalOf(c);
      const { campaignId } = c.req.valid('param');
      return c.json(await importUnits(deps, who, campaignId, await c.req.text()), 201);
    })
    .openapi(get, async (c) => c.json(await readUnit(deps, principalOf(c), c.req.valid('param').unitId), 200))
    .openapi(patch, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await changeUnit(deps, principalOf(c), unitId, c.req.valid('json')), 200);
    })
    .openapi(stageRequest, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await requestStageChange(deps, principalOf(c), unitId, c.req.valid('json').note), 200);
    })
    .openapi(stageDecision, async (c) => {
      const { unitId } = c.req.valid('param');
      const { approve, comment } = c.req.valid('json');
      return c.json(await decideStageChange(deps, principalOf(c), unitId, approve, comment), 200);
    });
}
