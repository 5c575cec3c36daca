import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { Group, GroupInput, GroupPatch } from '../../domain/org';
import type { AppEnv } from '../../http/env';
import {
  CampaignParams,
  errorResponses,
  GroupParams,
  jsonBody,
  ok,
  PageQuery,
  pageOf,
  security,
} from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { changeGroup, createGroup, groupsFor, readGroup } from '../../usecases/groups';

const tags = ['supervision groups'];

const list = createRoute({
  method: 'get',
  path: '/api/campaigns/{campaignId}/groups',
  tags,
  security,
  summary: 'Supervision groups of a campaign (a supervisor sees only their own)',
  request: { params: CampaignParams, query: PageQuery },
  responses: { 200: ok(pageOf(Group)), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/campaigns/{campaignId}/groups',
  tags,
  security,
  summary: 'Add a supervision group (office)',
  request: { params: CampaignParams, body: jsonBody(GroupInput) },
  responses: { 201: ok(Group, 'Created'), ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}',
  tags,
  security,
  summary: 'One supervision group',
  request: { params: GroupParams },
  responses: { 200: ok(Group), ...errorResponses },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/groups/{groupId}',
  tags,
  security,
  summary: 'Rename a group or change its note (office)',
  request: { params: GroupParams, body: jsonBody(GroupPatch) },
  responses: { 200: ok(Group), ...errorResponses },
});

/** Supervision groups (督导组). */
export function groupRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { campaignId } = c.req.valid('param');
      return c.json(await groupsFor(deps, principalOf(c), campaignId, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const { campaignId } = c.req.valid('param');
      return c.json(await createGroup(deps, principalOf(c), campaignId, c.req.valid('json')), 201);
    })
    .openapi(get, async (c) =>
      c.json(await readGroup(deps, principalOf(c), c.req.valid('param').groupId), 200),
    )
    .openapi(patch, async (c) => {
      const { groupId } = c.req.valid('param');
      return c.json(await changeGroup(deps, principalOf(c), groupId, c.req.valid('json')), 200);
    });
}
