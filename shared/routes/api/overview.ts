import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize } from '../../auth/middleware';
import { allGroups } from '../../data/repos/groups';
import { allUnits, unitsOfGroup } from '../../data/repos/units';
import type { Deps } from '../../deps';
import { overviewCsv, overviewSorts, sortOverview, UnitOverview } from '../../domain/overview';
import type { AppEnv } from '../../http/env';
import { CampaignParams, errorResponses, GroupParams, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { overviewOf } from '../../usecases/overview';
import { guards, officeResource } from './guard';

const Query = z.strictObject({
  sort: z.enum(overviewSorts).default('name'),
  format: z.enum(['json', 'csv']).default('json'),
});
const answer = {
  200: {
    description: 'The overview',
    content: {
      'application/json': { schema: z.object({ items: z.array(UnitOverview) }) },
      'text/csv': { schema: z.string() },
    },
  },
  ...errorResponses,
};
const ofGroup = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}/overview',
  tags: ['overview'],
  security,
  summary: 'A supervision group’s units side by side: stage, opinions, turnout, 满意率, flags, report state',
  request: { params: GroupParams, query: Query },
  responses: answer,
});
const ofCampaign = createRoute({
  method: 'get',
  path: '/api/campaigns/{campaignId}/overview',
  tags: ['overview'],
  security,
  summary: 'Every unit of the campaign side by side (office)',
  request: { params: CampaignParams, query: Query },
  responses: answer,
});

/** Overviews for the supervision group and the office, as JSON or CSV. */
export function overviewRoutes(deps: Deps) {
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(ofGroup, async (c) => {
      const { group } = await guard.group(c, 'read', c.req.valid('param').groupId);
      const { sort, format } = c.req.valid('query');
      const rows = sortOverview(await overviewOf(deps, await unitsOfGroup(deps, group.id)), sort);
      if (format === 'csv') return csv(c, rows, { [group.id]: group.name }, group.name);
      return c.json({ items: rows }, 200);
    })
    .openapi(ofCampaign, async (c) => {
      authorize(c, 'read', officeResource);
      const { campaign } = await guard.campaign(c, 'read', c.req.valid('param').campaignId);
      const { sort, format } = c.req.valid('query');
      const rows = sortOverview(await overviewOf(deps, await allUnits(deps, campaign.id)), sort);
      if (format === 'csv') {
        const names = Object.fromEntries((await allGroups(deps, campaign.id)).map((g) => [g.id, g.name]));
        return csv(c, rows, names, campaign.name);
      }
      return c.json({ items: rows }, 200);
    });
}

/** The overview as a CSV download. */
function csv(c: Context, rows: UnitOverview[], names: Record<string, string>, title: string) {
  const name = encodeURIComponent(`${title}-总览.csv`);
  return c.body(overviewCsv(rows, names), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="overview.csv"; filename*=UTF-8''${name}`,
  });
}
