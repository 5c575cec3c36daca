import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { authorize, principalOf } from '../../auth/middleware';
import { newId } from '../../data/ids';
import { listGroups, putGroup } from '../../data/repos/groups';
import type { Deps } from '../../deps';
import { Group, GroupInput } from '../../domain/org';
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
import { guards } from './guard';

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
  request: { params: GroupParams, body: jsonBody(GroupInput.partial()) },
  responses: { 200: ok(Group), ...errorResponses },
});

/** Supervision groups (督导组). */
export function groupRoutes(deps: Deps) {
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { campaignId } = c.req.valid('param');
      const who = principalOf(c);
      // A supervisor may list only their own group; a leader no group at all.
      const groupId = who.scope.role === 'supervisor' ? who.scope.groupId : '*';
      authorize(c, 'read', { kind: 'group', campaignId, groupId });
      if (who.scope.role === 'supervisor') {
        return c.json({ items: [(await guard.group(c, 'read', who.scope.groupId)).group] }, 200);
      }
      return c.json(await listGroups(deps, campaignId, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const { campaignId } = c.req.valid('param');
      const { who } = await guard.campaign(c, 'manage', campaignId);
      const group = { ...c.req.valid('json'), id: newId(), campaignId, createdAt: deps.now().toISOString() };
      await putGroup(deps, who.username, group, true);
      return c.json(group, 201);
    })
    .openapi(get, async (c) => {
      const { group } = await guard.group(c, 'read', c.req.valid('param').groupId);
      return c.json(group, 200);
    })
    .openapi(patch, async (c) => {
      const { who, group } = await guard.group(c, 'manage', c.req.valid('param').groupId);
      const updated = { ...group, ...c.req.valid('json') };
      await putGroup(deps, who.username, updated, false);
      return c.json(updated, 200);
    });
}
