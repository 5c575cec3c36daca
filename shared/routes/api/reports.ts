import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { ApproveInput, Problem, ProblemChange, ProblemInput, Report, ReturnInput } from '../../domain/report';
import { VersionQuery } from '../../domain/version';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { deleteProblem, listProblems, saveProblem } from '../../usecases/problems';
import { buildReport, reportOf, returnReport, submitReport } from '../../usecases/report';
import { approveReport } from '../../usecases/report-approval';

const route = <M extends 'get' | 'post' | 'put' | 'delete'>(method: M, path: string, summary: string) => ({
  method,
  path,
  tags: ['analysis report'],
  security,
  summary,
});
const ProblemParams = UnitParams.extend({ problemId: z.string().min(1).max(64) });

const listRoute = createRoute({
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
    'Change a problem: title, area, merged opinions; from an older version: 409 PROBLEM_CHANGED',
  ),
  request: { params: ProblemParams, body: jsonBody(ProblemChange) },
  responses: { 200: ok(Problem), ...errorResponses },
});
const deleteOne = createRoute({
  ...route(
    'delete',
    '/api/units/{unitId}/problems/{problemId}',
    'Delete a problem from the draft list (its opinions are unmerged); ?version= the one read, an older one: 409 PROBLEM_CHANGED',
  ),
  request: {
    params: ProblemParams,
    query: VersionQuery,
  },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
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
  request: { params: UnitParams, body: jsonBody(ApproveInput) },
  responses: { 200: ok(Report), ...errorResponses },
});
const giveBack = createRoute({
  ...route('post', '/api/units/{unitId}/report/return', 'Return a submitted report with comments'),
  request: { params: UnitParams, body: jsonBody(ReturnInput) },
  responses: { 200: ok(Report), ...errorResponses },
});

/** The problem list and the analysis report: build, submit, approve or return. */
export function reportRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const items = await listProblems(deps, principalOf(c), c.req.valid('param').unitId);
      return c.json({ items }, 200);
    })
    .openapi(createProblem, async (c) => {
      const who = principalOf(c);
      return c.json(await saveProblem(deps, who, c.req.valid('param').unitId, c.req.valid('json')), 201);
    })
    .openapi(updateProblem, async (c) => {
      const { unitId, problemId } = c.req.valid('param');
      return c.json(await saveProblem(deps, principalOf(c), unitId, c.req.valid('json'), problemId), 200);
    })
    .openapi(deleteOne, async (c) => {
      const { unitId, problemId } = c.req.valid('param');
      await deleteProblem(deps, principalOf(c), unitId, problemId, c.req.valid('query').version);
      return c.body(null, 204);
    })
    .openapi(getOne, async (c) =>
      c.json(await reportOf(deps, principalOf(c), c.req.valid('param').unitId), 200),
    )
    .openapi(build, async (c) =>
      c.json(await buildReport(deps, principalOf(c), c.req.valid('param').unitId), 201),
    )
    .openapi(submit, async (c) =>
      c.json(await submitReport(deps, principalOf(c), c.req.valid('param').unitId), 200),
    )
    .openapi(approve, async (c) => {
      return c.json(
        await approveReport(deps, principalOf(c), c.req.valid('param').unitId, c.req.valid('json')),
        200,
      );
    })
    .openapi(giveBack, async (c) => {
      const { comment } = c.req.valid('json');
      return c.json(await returnReport(deps, principalOf(c), c.req.valid('param').unitId, comment), 200);
    });
}
