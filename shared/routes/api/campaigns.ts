import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { authorize, principalOf } from '../../auth/middleware';
import { newId } from '../../data/ids';
import { listCampaigns, putCampaign } from '../../data/repos/campaigns';
import type { Deps } from '../../deps';
import { Campaign, CampaignInput, CampaignPatch, CampaignSettings } from '../../domain/campaign';
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
import { guards, officeResource } from './guard';

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
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const who = principalOf(c);
      const query = c.req.valid('query');
      if (who.scope.role !== 'office') {
        return c.json({ items: [(await guard.campaign(c, 'read', who.scope.campaignId)).campaign] }, 200);
      }
      return c.json(await listCampaigns(deps, query), 200);
    })
    .openapi(create, async (c) => {
      const who = authorize(c, 'manage', officeResource);
      const now = deps.now().toISOString();
      const campaign = { ...c.req.valid('json'), id: newId(), createdAt: now, updatedAt: now };
      await putCampaign(deps, who.username, campaign, true);
      return c.json(campaign, 201);
    })
    .openapi(get, async (c) => {
      const { campaign } = await guard.campaign(c, 'read', c.req.valid('param').campaignId);
      return c.json(campaign, 200);
    })
    .openapi(patch, async (c) => {
      const { who, campaign: current } = await guard.campaign(c, 'manage', c.req.valid('param').campaignId);
      const body = c.req.valid('json');
      const updated = {
        ...current,
        ...(body.name ? { name: body.name } : {}),
        ...(body.stages ? { stages: body.stages } : {}),
        settings: CampaignSettings.parse({ ...current.settings, ...body.settings }),
        updatedAt: deps.now().toISOString(),
      };
      await putCampaign(deps, who.username, updated, false);
      return c.json(updated, 200);
    });
}
