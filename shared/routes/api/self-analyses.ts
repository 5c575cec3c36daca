import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { AnalysesDisclosure } from '../../domain/analyses-disclosure';
import {
  SelfAnalysis,
  SelfAnalysisContent,
  selfAnalysisStates,
  teamAnalysisId,
} from '../../domain/self-analysis';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { issueLinks, memberLinks, revokeLink } from '../../usecases/member-links';
import { PublishInput, publishAnalyses } from '../../usecases/publish-analyses';
import {
  approveSelfAnalysis,
  enterSelfAnalysis,
  ReturnInput,
  returnSelfAnalysis,
  unitSelfAnalyses,
} from '../../usecases/self-analyses';

const tags = ['党性分析 (self-analysis)'];
const MemberParams = UnitParams.extend({ memberId: z.string().min(1).max(64) });
const AnalysisParams = z.object({ id: z.string().min(1).max(64) });

const Row = z.object({
  memberId: z.string(),
  memberName: z.string(),
  category: z.string(),
  state: z.enum([...selfAnalysisStates, 'notStarted']),
  material: SelfAnalysis.optional(),
});
const route = <M extends 'get' | 'post' | 'put' | 'delete'>(method: M, path: string, summary: string) => ({
  method,
  path,
  tags,
  security,
  summary,
});

const list = createRoute({
  ...route(
    'get',
    '/api/units/{unitId}/self-analyses',
    'Each member’s 党性分析 state and material (anyone who may read the unit)',
  ),
  request: { params: UnitParams },
  responses: {
    200: ok(
      z.object({
        items: z.array(Row),
        due: z.number(),
        submitted: z.number(),
        approved: z.number(),
        /** The leading team's 领导班子分析检查报告, once started. */
        team: SelfAnalysis.optional(),
      }),
    ),
    ...errorResponses,
  },
});
const approve = createRoute({
  ...route(
    'post',
    '/api/self-analyses/{id}/approve',
    '组织把关: approve a submitted material, freezing it with its SHA-256 (the unit’s leader, its supervision group, the office); 409 once approved',
  ),
  request: { params: AnalysisParams },
  responses: { 200: ok(SelfAnalysis), ...errorResponses },
});
const sendBack = createRoute({
  ...route(
    'post',
    '/api/self-analyses/{id}/return',
    'Return a submitted material to the member’s link with a comment',
  ),
  request: { params: AnalysisParams, body: jsonBody(ReturnInput) },
  responses: { 200: ok(SelfAnalysis), ...errorResponses },
});
const MaterialSaveBody = z.strictObject({
  content: SelfAnalysisContent,
  version: z.number().int().nonnegative(),
  submit: z.boolean(),
});
const enter = createRoute({
  ...route(
    'put',
    '/api/units/{unitId}/members/{memberId}/self-analysis',
    'The secretary types in a member’s paper material (as a draft, or submitted), marked as entered by them',
  ),
  request: { params: MemberParams, body: jsonBody(MaterialSaveBody) },
  responses: { 200: ok(SelfAnalysis), ...errorResponses },
});
const teamSave = createRoute({
  ...route(
    'put',
    '/api/units/{unitId}/team-analysis',
    'The unit writes its leading team’s 领导班子分析检查报告 (as a draft, or submitted to the supervision group, which alone approves or returns it at /api/self-analyses/team-{unitId}/…)',
  ),
  request: { params: UnitParams, body: jsonBody(MaterialSaveBody) },
  responses: { 200: ok(SelfAnalysis), ...errorResponses },
});
const publish = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/self-analyses/publish',
    '适当范围公开: publish every approved material within a scope (members, unit), as a publication-log entry',
  ),
  request: { params: UnitParams, body: jsonBody(PublishInput) },
  responses: { 200: ok(AnalysesDisclosure), ...errorResponses },
});
const links = createRoute({
  ...route(
    'get',
    '/api/units/{unitId}/member-links',
    'The members’ personal links (/m/{token}), for printing slips (the unit’s leader, the office)',
  ),
  request: { params: UnitParams },
  responses: {
    200: ok(
      z.object({
        items: z.array(z.object({ memberId: z.string(), name: z.string(), link: z.url().optional() })),
      }),
    ),
    ...errorResponses,
  },
});
const issue = createRoute({
  ...route('post', '/api/units/{unitId}/member-links', 'Give every member without a personal link one'),
  request: { params: UnitParams },
  responses: { 200: ok(z.object({ issued: z.number() })), ...errorResponses },
});
const reissue = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/members/{memberId}/link',
    'A new personal link for one member; the old one stops working',
  ),
  request: { params: MemberParams },
  responses: { 200: ok(z.object({ issued: z.number() })), ...errorResponses },
});
const revoke = createRoute({
  ...route('delete', '/api/units/{unitId}/members/{memberId}/link', 'Revoke a member’s personal link'),
  request: { params: MemberParams },
  responses: { 204: { description: 'Revoked' }, ...errorResponses },
});

/** 党性分析 in the console's API: the unit's list, 组织把关, the secretary's entry, the members' links. */
export function selfAnalysisRoutes(deps: Deps) {
  const linkOf = (token: string) => publicUrl(deps.config.PUBLIC_BASE_URL, `/m/${token}`);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { rows, due, submitted, approved, team } = await unitSelfAnalyses(
        deps,
        principalOf(c),
        c.req.valid('param').unitId,
      );
      return c.json({ items: rows, due, submitted, approved, ...(team ? { team } : {}) }, 200);
    })
    .openapi(approve, async (c) =>
      c.json(await approveSelfAnalysis(deps, principalOf(c), c.req.valid('param').id), 200),
    )
    .openapi(sendBack, async (c) =>
      c.json(
        await returnSelfAnalysis(deps, principalOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
    )
    .openapi(enter, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      return c.json(
        await enterSelfAnalysis(deps, principalOf(c), unitId, memberId, c.req.valid('json')),
        200,
      );
    })
    .openapi(teamSave, async (c) => {
      const { unitId } = c.req.valid('param');
      const save = c.req.valid('json');
      return c.json(await enterSelfAnalysis(deps, principalOf(c), unitId, teamAnalysisId(unitId), save), 200);
    })
    .openapi(publish, async (c) =>
      c.json(
        await publishAnalyses(deps, principalOf(c), c.req.valid('param').unitId, c.req.valid('json')),
        200,
      ),
    )
    .openapi(links, async (c) => {
      const { rows } = await memberLinks(deps, principalOf(c), c.req.valid('param').unitId);
      c.header('cache-control', 'no-store');
      const items = rows.map((r) => ({
        memberId: r.member.id,
        name: r.member.name,
        ...(r.token ? { link: linkOf(r.token) } : {}),
      }));
      return c.json({ items }, 200);
    })
    .openapi(issue, async (c) =>
      c.json(await issueLinks(deps, principalOf(c), c.req.valid('param').unitId), 200),
    )
    .openapi(reissue, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      return c.json(await issueLinks(deps, principalOf(c), unitId, memberId), 200);
    })
    .openapi(revoke, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      await revokeLink(deps, principalOf(c), unitId, memberId);
      return c.body(null, 204);
    });
}
