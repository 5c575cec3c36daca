import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { Mechanism, MechanismInput, Practice, PracticeInput, TypicalMark } from '../../domain/mechanism';
import type { AppEnv } from '../../http/env';
import { CampaignParams, errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import {
  addMechanism,
  campaignPractices,
  listMechanisms,
  listPractices,
  markTypical,
  submitPractice,
  typicalPractices,
} from '../../usecases/mechanisms';

const tags = ['rectification'];
const route = <M extends 'get' | 'post', P extends string>(method: M, path: P, summary: string) =>
  ({ method, path, tags, security, summary }) as const;
const items = <S extends z.ZodType>(s: S) => z.object({ items: z.array(s) });

const listMechanismsRoute = createRoute({
  ...route('get', '/api/units/{unitId}/mechanisms', 'The long-term mechanisms (长效机制) the unit set up'),
  request: { params: UnitParams },
  responses: { 200: ok(items(Mechanism)), ...errorResponses },
});
const addMechanismRoute = createRoute({
  ...route('post', '/api/units/{unitId}/mechanisms', 'Record a mechanism, by the seed’s kinds'),
  request: { params: UnitParams, body: jsonBody(MechanismInput) },
  responses: { 201: ok(Mechanism, 'Recorded'), ...errorResponses },
});
const listPracticesRoute = createRoute({
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
    body: jsonBody(TypicalMark),
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
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listMechanismsRoute, async (c) =>
      c.json({ items: await listMechanisms(deps, principalOf(c), c.req.valid('param').unitId) }, 200),
    )
    .openapi(addMechanismRoute, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await addMechanism(deps, principalOf(c), unitId, c.req.valid('json')), 201);
    })
    .openapi(listPracticesRoute, async (c) =>
      c.json({ items: await listPractices(deps, principalOf(c), c.req.valid('param').unitId) }, 200),
    )
    .openapi(submit, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await submitPractice(deps, principalOf(c), unitId, c.req.valid('json')), 201);
    })
    .openapi(mark, async (c) => {
      const { unitId, practiceId } = c.req.valid('param');
      const { typical } = c.req.valid('json');
      return c.json(await markTypical(deps, principalOf(c), unitId, practiceId, typical), 200);
    })
    .openapi(typicalOfCampaign, async (c) =>
      c.json({ items: await typicalPractices(deps, principalOf(c), c.req.valid('param').campaignId) }, 200),
    )
    .openapi(allOfCampaign, async (c) =>
      c.json({ items: await campaignPractices(deps, principalOf(c), c.req.valid('param').campaignId) }, 200),
    );
}
