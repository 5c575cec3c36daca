import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/middleware';
import { mechanismsOf, practicesOf, practicesOfCampaign } from '../../data/repos/mechanisms';
import type { Deps } from '../../deps';
import { Mechanism, MechanismInput, Practice, PracticeInput } from '../../domain/mechanism';
import type { AppEnv } from '../../http/env';
import { CampaignParams, errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { addMechanism, markTypical, submitPractice } from '../../usecases/mechanisms';
import { guards, officeResource } from './guard';

const tags = ['rectification'];
const route = <M extends 'get' | 'post', P extends string>(method: M, path: P, summary: string) =>
  ({ method, path, tags, security, summary }) as const;
const items = <S extends z.ZodType>(s: S) => z.object({ items: z.array(s) });

const listMechanisms = createRoute({
  ...route('get', '/api/units/{unitId}/mechanisms', 'The long-term mechanisms (长效机制) the unit set up'),
  request: { params: UnitParams },
  responses: { 200: ok(items(Mechanism)), ...errorResponses },
});
const addMechanismRoute = createRoute({
  ...route('post', '/api/units/{unitId}/mechanisms', 'Record a mechanism, by the seed’s kinds'),
  request: { params: UnitParams, body: jsonBody(MechanismInput) },
  responses: { 201: ok(Mechanism, 'Recorded'), ...errorResponses },
});
const listPractices = createRoute({
  ...route('get', '/api/units/{unitId}/practices', 'The good practice the unit submitted'),
  request: { params: UnitParams },
  responses: { 200: ok(items(Practice)), ...errorResponses },
});
const submit = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/practices',
    'Submit good practice for the office to consider as typical',
  ),
  request: { params: UnitParams, body: jsonBody(PracticeInput) },
  responses: { 201: ok(Practice, 'Submitted'), ...errorResponses },
});
const mark = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/practices/{practiceId}/typical',
    'Mark a practice as typical experience (典型经验), or take the mark back (office)',
  ),
  request: {
    params: UnitParams.extend({ practiceId: z.string().min(1).max(64) }),
    body: jsonBody(z.strictObject({ typical: z.boolean() })),
  },
  responses: { 200: ok(Practice), ...errorResponses },
});
const typicalOfCampaign = createRoute({
  ...route(
    'get',
    '/api/campaigns/{campaignId}/typical-practices',
    'Typical experience, for every unit to read',
  ),
  request: { params: CampaignParams },
  responses: { 200: ok(items(Practice)), ...errorResponses },
});
const allOfCampaign = createRoute({
  ...route(
    'get',
    '/api/campaigns/{campaignId}/practices',
    'Every practice submitted, to choose the typical (office)',
  ),
  request: { params: CampaignParams },
  responses: { 200: ok(items(Practice)), ...errorResponses },
});

/** Long-term mechanisms and typical experience. */
export function mechanismRoutes(deps: Deps) {
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listMechanisms, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      return c.json({ items: await mechanismsOf(deps, unit.id) }, 200);
    })
    .openapi(addMechanismRoute, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(await addMechanism(deps, who.username, unit, c.req.valid('json')), 201);
    })
    .openapi(listPractices, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      return c.json({ items: await practicesOf(deps, unit.id) }, 200);
    })
    .openapi(submit, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(await submitPractice(deps, who.username, unit, c.req.valid('json')), 201);
    })
    .openapi(mark, async (c) => {
      authorize(c, 'manage', officeResource);
      const { unitId, practiceId } = c.req.valid('param');
      const { who, unit } = await guard.unit(c, 'manage', unitId);
      return c.json(
        await markTypical(deps, who.username, unit, practiceId, c.req.valid('json').typical),
        200,
      );
    })
    .openapi(typicalOfCampaign, async (c) => {
      const { campaign } = await guard.campaign(c, 'read', c.req.valid('param').campaignId);
      const all = await practicesOfCampaign(deps, campaign.id);
      return c.json({ items: all.filter((p) => p.typical) }, 200);
    })
    .openapi(allOfCampaign, async (c) => {
      authorize(c, 'read', officeResource);
      const { campaign } = await guard.campaign(c, 'read', c.req.valid('param').campaignId);
      return c.json({ items: await practicesOfCampaign(deps, campaign.id) }, 200);
    });
}
