import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { MemberMeasure } from '../../domain/member-measure';
import {
  Measure,
  MeasureChange,
  MeasureInput,
  OverdueMeasures,
  ProgressInput,
} from '../../domain/rectification';
import { VersionQuery } from '../../domain/version';
import type { AppEnv } from '../../http/env';
import {
  CampaignParams,
  errorResponses,
  GroupParams,
  jsonBody,
  ok,
  security,
  UnitParams,
} from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { addMeasure, addProgress, changeMeasure, deleteMeasure, listMeasures } from '../../usecases/measures';
import { addMemberProgress, listMemberMeasures } from '../../usecases/member-measures';
import { overdueOfCampaign, overdueOfGroup } from '../../usecases/overdue-measures';

const tags = ['rectification'];
const MeasureParams = UnitParams.extend({ measureId: z.string().min(1).max(64) });

const list = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/measures',
  tags,
  security,
  summary: 'The unit’s rectification measures (整改措施) with their progress',
  request: { params: UnitParams },
  responses: { 200: ok(z.object({ items: z.array(Measure) })), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/measures',
  tags,
  security,
  summary: 'Set a measure against one of the problems of the approved report',
  request: { params: UnitParams, body: jsonBody(MeasureInput) },
  responses: { 201: ok(Measure, 'Created'), ...errorResponses },
});
const change = createRoute({
  method: 'put',
  path: '/api/units/{unitId}/measures/{measureId}',
  tags,
  security,
  summary:
    'Change what is done, the post responsible or the deadline; with `version`, refused (409 MEASURE_CHANGED) if changed since',
  request: { params: MeasureParams, body: jsonBody(MeasureChange) },
  responses: { 200: ok(Measure), ...errorResponses },
});
const progress = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/measures/{measureId}/progress',
  tags,
  security,
  summary: 'Record dated progress and the state it leaves the measure in',
  request: { params: MeasureParams, body: jsonBody(ProgressInput) },
  responses: { 200: ok(Measure), ...errorResponses },
});
const overdueOfGroupRoute = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}/overdue-measures',
  tags,
  security,
  summary: 'Measures past their deadline and not done, across the supervision group’s units',
  request: { params: GroupParams },
  responses: { 200: ok(OverdueMeasures), ...errorResponses },
});
const overdueOfCampaignRoute = createRoute({
  method: 'get',
  path: '/api/campaigns/{campaignId}/overdue-measures',
  tags,
  security,
  summary: 'Measures past their deadline and not done, zone-wide (office)',
  request: { params: CampaignParams },
  responses: { 200: ok(OverdueMeasures), ...errorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/units/{unitId}/measures/{measureId}',
  tags,
  security,
  summary:
    'Delete a measure set by mistake (?version= the one read): refused once an evaluation has put it to the masses (409 MEASURE_EVALUATED)',
  request: {
    params: MeasureParams,
    query: VersionQuery,
  },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});
const MemberMeasureParams = UnitParams.extend({ measureId: z.string().min(1).max(80) });
const memberList = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/member-measures',
  tags,
  security,
  summary:
    'The measures of the unit’s approved 党性分析 materials, with their progress (console only, never published)',
  request: { params: UnitParams },
  responses: { 200: ok(z.object({ items: z.array(MemberMeasure) })), ...errorResponses },
});
const memberProgress = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/member-measures/{measureId}/progress',
  tags,
  security,
  summary: 'Record dated progress on a member’s measure and the state it leaves it in',
  request: { params: MemberMeasureParams, body: jsonBody(ProgressInput) },
  responses: { 200: ok(MemberMeasure), ...errorResponses },
});

/** Rectification measures: the unit writes them, everyone in scope reads them, supervisors see what is late. */
export function measureRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) =>
      c.json({ items: await listMeasures(deps, principalOf(c), c.req.valid('param').unitId) }, 200),
    )
    .openapi(create, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await addMeasure(deps, principalOf(c), unitId, c.req.valid('json')), 201);
    })
    .openapi(change, async (c) => {
      const { unitId, measureId } = c.req.valid('param');
      return c.json(await changeMeasure(deps, principalOf(c), unitId, measureId, c.req.valid('json')), 200);
    })
    .openapi(progress, async (c) => {
      const { unitId, measureId } = c.req.valid('param');
      return c.json(await addProgress(deps, principalOf(c), unitId, measureId, c.req.valid('json')), 200);
    })
    .openapi(remove, async (c) => {
      const { unitId, measureId } = c.req.valid('param');
      await deleteMeasure(deps, principalOf(c), unitId, measureId, c.req.valid('query').version);
      return c.body(null, 204);
    })
    .openapi(memberList, async (c) =>
      c.json({ items: await listMemberMeasures(deps, principalOf(c), c.req.valid('param').unitId) }, 200),
    )
    .openapi(memberProgress, async (c) => {
      const { unitId, measureId } = c.req.valid('param');
      return c.json(
        await addMemberProgress(deps, principalOf(c), unitId, measureId, c.req.valid('json')),
        200,
      );
    })
    .openapi(overdueOfGroupRoute, async (c) =>
      c.json({ items: await overdueOfGroup(deps, principalOf(c), c.req.valid('param').groupId) }, 200),
    )
    .openapi(overdueOfCampaignRoute, async (c) =>
      c.json({ items: await overdueOfCampaign(deps, principalOf(c), c.req.valid('param').campaignId) }, 200),
    );
}
