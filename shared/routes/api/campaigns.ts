import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { Campaign, CampaignInput, CampaignPatch } from '../../domain/campaign';
import type { AppEnv } from '../../http/env';
import {
  CampaignParams,
  errorResponses,
  jsonBody,
  ok,
  PageQuery,
  pageOf,
  security,
} from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { campaignsFor, changeCampaign, createCampaign, readCampaign } from '../../usecases/campaigns';

const tags = ['campaigns'];

const list = createRoute({
  method: 'get',
  path: '/api/campaigns',
  tags,
  security,
  summary: 'Campaigns you can see (the office: all; others: their own)',
  request: { query: PageQuery },
  responses: { 200: ok(pageOf(Campaign)), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/campaigns',
  tags,
  security,
  summary: 'Set up a campaign (office)',
  request: { body: jsonBody(CampaignInput) },
  responses: { 201: ok(Campaign, 'Created'), ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/campaigns/{campaignId}',
  tags,
  security,
  summary: 'One campaign with its stages and settings',
  request: { params: CampaignParams },
  responses: { 200: ok(Campaign), ...errorResponses },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/campaigns/{campaignId}',
  tags,
  security,
  summary: 'Change name, stage windows or settings (office)',
  request: { params: CampaignParams, body: jsonBody(CampaignPatch) },
  responses: { 200: ok(Campaign), ...errorResponses },
});

/** Campaigns: list, create, read, change. */
export function campaignRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json(await campaignsFor(deps, principalOf(c), c.req.valid('query')), 200))
    .openapi(create, async (c) =>
      c.json(await createCampaign(deps, principalOf(c), c.req.valid('json')), 201),
    )
    .openapi(get, async (c) =>
      c.json(await readCampaign(deps, principalOf(c), c.req.valid('param').campaignId), 200),
    )
    .openapi(patch, async (c) => {
      const { campaignId } = c.req.valid('param');
      return c.json(await changeCampaign(deps, principalOf(c), campaignId, c.req.valid('json')), 200);
    });
}
