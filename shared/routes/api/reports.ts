import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getReport, problemsOf } from '../../data/repos/reports';
import type { Deps } from '../../deps';
import { byWeight, DisclosureScope, Problem, ProblemInput, Report } from '../../domain/report';
import { notFound } from '../../errors';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { saveProblem } from '../../usecases/problems';
import { approveReport, buildReport, returnReport, submitReport } from '../../usecases/report';
import { guards } from './guard';

const route = <M extends 'get' | 'post' | 'put'>(method: M, path: string, summary: string) => ({
  method,
  path,
  tags: ['analysis report'],
  security,
  summary,
});
const ProblemParams = UnitParams.extend({ problemId: z.string().min(1).max(64) });

const listProblems = createRoute({
  ...route('get', '/api/units/{unitId}/problems', 'The problem list, most gathered first'),
  request: { params: UnitParams },
  responses: { 200: ok(z.object({ items: z.array(Problem) })), ...errorResponses },
});
const createProblem = createRoute({
  ...route('post', '/api/units/{unitId}/problems', 'Merge opinions into a new problem (梳理归并)'),
  request: { params: UnitParams, body: jsonBody(ProblemInput) },
  responses: { 201: ok(Problem, 'Created'), ...errorResponses },
});
const updateProblem = createRoute({
  ...route(
    'put',
    '/api/units/{unitId}/problems/{problemId}',
    'Change a problem: title, area, merged opinions',
  ),
  request: { params: ProblemParams, body: jsonBody(ProblemInput) },
  responses: { 200: ok(Problem), ...errorResponses },
});
const getOne = createRoute({
  ...route('get', '/api/units/{unitId}/report', 'The unit’s analysis report and its state'),
  request: { params: UnitParams },
  responses: { 200: ok(Report), ...errorResponses },
});
const build = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/report',
    'Build or rebuild the draft report: figures frozen by exact recount',
  ),
  request: { params: UnitParams },
  responses: { 201: ok(Report, 'Built'), ...errorResponses },
});
const submit = createRoute({
  ...route('post', '/api/units/{unitId}/report/submit', 'Send the draft to the supervision group'),
  request: { params: UnitParams },
  responses: { 200: ok(Report), ...errorResponses },
});
const approve = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/report/approve',
    'Approve a submitted report and choose its disclosure (supervision group; never its submitter)',
  ),
  request: { params: UnitParams, body: jsonBody(z.strictObject({ scope: DisclosureScope })) },
  responses: { 200: ok(Report), ...errorResponses },
});
const giveBack = createRoute({
  ...route('post', '/api/units/{unitId}/report/return', 'Return a submitted report with comments'),
  request: {
    params: UnitParams,
    body: jsonBody(z.strictObject({ comment: z.string().trim().min(2).max(1000) })),
  },
  responses: { 200: ok(Report), ...errorResponses },
});

/** The problem list and the analysis report: build, submit, approve or return. */
export function reportRoutes(deps: Deps) {
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listProblems, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      return c.json({ items: byWeight(await problemsOf(deps, unit.id)) }, 200);
    })
    .openapi(createProblem, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(await saveProblem(deps, who, unit.id, c.req.valid('json')), 201);
    })
    .openapi(updateProblem, async (c) => {
      const { unitId, problemId } = c.req.valid('param');
      const { who, unit } = await guard.unit(c, 'collect', unitId);
      return c.json(await saveProblem(deps, who, unit.id, c.req.valid('json'), problemId), 200);
    })
    .openapi(getOne, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      const report = await getReport(deps, unit.id);
      if (!report) throw notFound('还没有生成分析评议报告');
      return c.json(report, 200);
    })
    .openapi(build, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      const { campaign } = await guard.campaign(c, 'read', unit.campaignId);
      return c.json(await buildReport(deps, who, unit, campaign.settings.anonymityK), 201);
    })
    .openapi(submit, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(await submitReport(deps, who, unit.id), 200);
    })
    .openapi(approve, async (c) => {
      const { who, unit } = await guard.unit(c, 'decideStage', c.req.valid('param').unitId);
      return c.json(await approveReport(deps, who, unit.id, c.req.valid('json').scope), 200);
    })
    .openapi(giveBack, async (c) => {
      const { who, unit } = await guard.unit(c, 'decideStage', c.req.valid('param').unitId);
      return c.json(await returnReport(deps, who, unit.id, c.req.valid('json').comment), 200);
    });
}
