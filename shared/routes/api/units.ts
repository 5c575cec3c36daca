import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize, principalOf } from '../../auth/middleware';
import { newId } from '../../data/ids';
import { listUnits, saveUnit } from '../../data/repos/units';
import type { Deps } from '../../deps';
import { StageDecision, StageRequest, Unit, UnitInput } from '../../domain/org';
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
import { campaignResource, guards } from './guard';

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
  request: { params: UnitParams, body: jsonBody(UnitInput.partial()) },
  responses: { 200: ok(Unit), ...errorResponses },
});
const stageRequest = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/stage-request',
  tags,
  security,
  summary: 'Ask to move to the next stage (转段申请; the unit leader)',
  request: {
    params: UnitParams,
    body: jsonBody(z.strictObject({ note: z.string().trim().max(500).optional() })),
  },
  responses: { 200: ok(StageRequest), ...errorResponses },
});
const stageDecision = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/stage-decision',
  tags,
  security,
  summary: 'Approve or refuse a pending stage request (the unit’s supervision group)',
  request: {
    params: UnitParams,
    body: jsonBody(z.strictObject({ approve: z.boolean(), comment: z.string().trim().max(500).optional() })),
  },
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
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { campaignId } = c.req.valid('param');
      const { groupId, ...page } = c.req.valid('query');
      authorize(c, 'read', campaignResource(campaignId));
      const { scope } = principalOf(c);
      if (scope.role === 'leader')
        return c.json({ items: [(await guard.unit(c, 'read', scope.unitId)).unit] }, 200);
      const group = scope.role === 'supervisor' ? scope.groupId : groupId;
      const result = await listUnits(deps, { campaignId, ...(group ? { groupId: group } : {}) }, page);
      // A group id from another campaign yields nothing rather than foreign units.
      return c.json({ ...result, items: result.items.filter((u) => u.campaignId === campaignId) }, 200);
    })
    .openapi(create, async (c) => {
      const { campaignId } = c.req.valid('param');
      const { who } = await guard.campaign(c, 'manage', campaignId);
      const now = deps.now().toISOString();
      const unit: Unit = {
        ...c.req.valid('json'),
        id: newId(),
        campaignId,
        stage: 'study',
        createdAt: now,
        updatedAt: now,
      };
      await saveUnit(deps, who.username, unit, 'unit.create');
      return c.json(unit, 201);
    })
    .openapi(importCsv, async (c) => {
      const { campaignId } = c.req.valid('param');
      const { who } = await guard.campaign(c, 'manage', campaignId);
      return c.json(await importUnits(deps, who, campaignId, await c.req.text()), 201);
    })
    .openapi(get, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      return c.json(unit, 200);
    })
    .openapi(patch, async (c) => {
      const { who, unit } = await guard.unit(c, 'manage', c.req.valid('param').unitId);
      const updated = { ...unit, ...c.req.valid('json'), updatedAt: deps.now().toISOString() };
      await saveUnit(deps, who.username, updated, 'unit.update', unit);
      return c.json(updated, 200);
    })
    .openapi(stageRequest, async (c) => {
      const { who, unit } = await guard.unit(c, 'requestStage', c.req.valid('param').unitId);
      return c.json(await requestStageChange(deps, who, unit, c.req.valid('json').note), 200);
    })
    .openapi(stageDecision, async (c) => {
      const { who, unit } = await guard.unit(c, 'decideStage', c.req.valid('param').unitId);
      const body = c.req.valid('json');
      return c.json(await decideStageChange(deps, who, unit, body.approve, body.comment), 200);
    });
}
