import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { type Evaluation, EvaluationInput, EvaluationView } from '../../domain/evaluation';
import type { AppEnv } from '../../http/env';
import { EvaluationParams, errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { evaluationCodes } from '../../usecases/evaluation-codes';
import {
  closeEvaluationEarly,
  countEvaluation,
  evaluationOf,
  listEvaluations,
  openEvaluation,
} from '../../usecases/evaluations';
import { evaluationView } from '../evaluation-view';
import { voteCodeRoutes } from './vote-codes';

const tags = ['rectification'];

const route = <M extends 'get' | 'post', P extends string>(method: M, path: P, summary: string) =>
  ({ method, path, tags, security, summary }) as const;

const list = createRoute({
  ...route('get', '/api/units/{unitId}/evaluations', 'The unit’s satisfaction evaluations, newest first'),
  request: { params: UnitParams },
  responses: { 200: ok(z.object({ items: z.array(EvaluationView) })), ...errorResponses },
});
const open = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/evaluations',
    'Open a satisfaction evaluation (群众满意度测评) of the unit’s measures, by codes or by public link',
  ),
  request: { params: UnitParams, body: jsonBody(EvaluationInput) },
  responses: { 201: ok(EvaluationView, 'Opened'), ...errorResponses },
});
const one = createRoute({
  ...route('get', '/api/evaluations/{evaluationId}', 'One evaluation, with its sealed results once counted'),
  request: { params: EvaluationParams },
  responses: { 200: ok(EvaluationView), ...errorResponses },
});
const close = createRoute({
  ...route('post', '/api/evaluations/{evaluationId}/close', 'Close an evaluation before its end time'),
  request: { params: EvaluationParams },
  responses: { 200: ok(EvaluationView), ...errorResponses },
});
const count = createRoute({
  ...route(
    'post',
    '/api/evaluations/{evaluationId}/count',
    'Count a closed evaluation (supervision group or office); seals the results and sets the 补课 flag',
  ),
  request: { params: EvaluationParams },
  responses: { 200: ok(EvaluationView), ...errorResponses },
});

/** An evaluation's single-use codes (an evaluation by public link takes none). */
export function evaluationCodeRoutes(deps: Deps) {
  return voteCodeRoutes(deps, {
    base: '/api/evaluations/{evaluationId}',
    params: EvaluationParams,
    idParam: 'evaluationId',
    tag: 'rectification',
    codes: evaluationCodes,
  });
}

/** Satisfaction evaluations: the unit opens and closes them, the supervision group counts them. */
export function evaluationRoutes(deps: Deps) {
  const view = (e: Evaluation) => evaluationView(deps, e);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const items = await listEvaluations(deps, principalOf(c), c.req.valid('param').unitId);
      return c.json({ items: items.map(view) }, 200);
    })
    .openapi(open, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(view(await openEvaluation(deps, principalOf(c), unitId, c.req.valid('json'))), 201);
    })
    .openapi(one, async (c) =>
      c.json(view(await evaluationOf(deps, principalOf(c), c.req.valid('param').evaluationId)), 200),
    )
    .openapi(close, async (c) =>
      c.json(view(await closeEvaluationEarly(deps, principalOf(c), c.req.valid('param').evaluationId)), 200),
    )
    .openapi(count, async (c) =>
      c.json(view(await countEvaluation(deps, principalOf(c), c.req.valid('param').evaluationId)), 200),
    );
}
