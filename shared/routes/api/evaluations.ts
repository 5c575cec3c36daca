import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { evaluationsOf } from '../../data/repos/evaluations';
import type { Deps } from '../../deps';
import { type Evaluation, EvaluationInput, EvaluationView, evaluationPhase } from '../../domain/evaluation';
import { conflict } from '../../errors';
import type { AppEnv } from '../../http/env';
import { EvaluationParams, errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { closeEvaluationEarly, countEvaluation, openEvaluation } from '../../usecases/evaluations';
import { guards } from './guard';
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
  const guard = guards(deps);
  return voteCodeRoutes(deps, {
    kind: 'evaluation',
    base: '/api/evaluations/{evaluationId}',
    params: EvaluationParams,
    tag: 'rectification',
    load: async (c, action, p) => {
      const { who, evaluation } = await guard.evaluation(c, action, String(p.evaluationId));
      return { who, vote: evaluation };
    },
    target: (e) => `unit:${e.unitId}/evaluation:${e.id}`,
    check: (e) => {
      if (e.mode !== 'codes') throw conflict('LINK_EVALUATION', '本次测评凭公开链接进行，不制发选票码');
    },
  });
}

/** Satisfaction evaluations: the unit opens and closes them, the supervision group counts them. */
export function evaluationRoutes(deps: Deps) {
  const guard = guards(deps);
  const view = (e: Evaluation) => ({
    ...e,
    state: evaluationPhase(e, deps.now()),
    ...(e.mode === 'link' ? { link: publicUrl(deps.config.PUBLIC_BASE_URL, `/e/${e.id}`) } : {}),
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      return c.json({ items: (await evaluationsOf(deps, unit.id)).map(view) }, 200);
    })
    .openapi(open, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(view(await openEvaluation(deps, who.username, unit, c.req.valid('json'))), 201);
    })
    .openapi(one, async (c) => {
      const { evaluation } = await guard.evaluation(c, 'read', c.req.valid('param').evaluationId);
      return c.json(view(evaluation), 200);
    })
    .openapi(close, async (c) => {
      const { who, evaluation } = await guard.evaluation(c, 'collect', c.req.valid('param').evaluationId);
      return c.json(view(await closeEvaluationEarly(deps, who.username, evaluation)), 200);
    })
    .openapi(count, async (c) => {
      const { who, evaluation } = await guard.evaluation(
        c,
        'superviseCount',
        c.req.valid('param').evaluationId,
      );
      const { campaign } = await guard.campaign(c, 'read', evaluation.campaignId);
      return c.json(view(await countEvaluation(deps, who, evaluation, campaign.settings)), 200);
    });
}
