import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { overviewSorts, UnitOverview } from '../../domain/overview';
import { overviewCsv } from '../../domain/overview-tables';
import type { AppEnv } from '../../http/env';
import { CampaignParams, errorResponses, GroupParams, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { overviewXlsx } from '../../usecases/export-overview';
import { campaignOverview, groupOverview } from '../../usecases/overview';
import { downloadHeaders } from '../../usecases/workbook';

const Query = z.strictObject({
  sort: z.enum(overviewSorts).default('name'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
const answer = {
  200: {
    description: 'The overview',
    content: {
      'application/json': { schema: z.object({ items: z.array(UnitOverview) }) },
      'text/csv': { schema: z.string() },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
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
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(ofGroup, async (c) => {
      const { sort, format } = c.req.valid('query');
      const { group, rows } = await groupOverview(deps, principalOf(c), c.req.valid('param').groupId, sort);
      if (format !== 'json') return file(c, format, rows, { [group.id]: group.name }, group.name);
      return c.json({ items: rows }, 200);
    })
    .openapi(ofCampaign, async (c) => {
      const { sort, format } = c.req.valid('query');
      const zone = await campaignOverview(deps, principalOf(c), c.req.valid('param').campaignId, sort);
      if (format !== 'json') {
        const names = Object.fromEntries(zone.groups.map((g) => [g.id, g.name]));
        return file(c, format, zone.rows, names, zone.campaign.name, { groups: zone.groups });
      }
      return c.json({ items: zone.rows }, 200);
    });
}

/** The overview as a CSV or XLSX download. */
async function file(
  c: Context,
  format: 'csv' | 'xlsx',
  rows: UnitOverview[],
  names: Record<string, string>,
  title: string,
  zone?: { groups: { id: string; name: string }[] },
) {
  const headers = downloadHeaders(format, 'overview', `${title}-总览`);
  if (format === 'xlsx') return c.body(await overviewXlsx(rows, names, `${title} 总览`, zone), 200, headers);
  return c.body(overviewCsv(rows, names), 200, headers);
}
