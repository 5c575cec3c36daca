import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { evaluationsOf } from '../../data/repos/evaluations';
import type { Deps } from '../../deps';
import { type Evaluation, EvaluationInput, EvaluationView, evaluationPhase } from '../../domain/evaluation';
import { MintedCodes, RevokeInput, VoterGroup } from '../../domain/vote';
import { conflict } from '../../errors';
import type { AppEnv } from '../../http/env';
import { EvaluationParams, errorResponses, jsonBody, ok, security, UnitParams } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { closeEvaluationEarly, countEvaluation, openEvaluation } from '../../usecases/evaluations';
import { mintCodes, revokeCodes } from '../../usecases/vote-codes';
import { guards } from './guard';

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
const mint = createRoute({
  ...route(
    'post',
    '/api/evaluations/{evaluationId}/codes',
    'Mint single-use codes for an evaluation by codes; shown only in this answer',
  ),
  request: {
    params: EvaluationParams,
    body: jsonBody(z.strictObject({ voterGroup: VoterGroup, count: z.number().int().min(1).max(500) })),
  },
  responses: { 201: ok(MintedCodes, 'Minted'), ...errorResponses },
});
const revoke = createRoute({
  ...route(
    'post',
    '/api/evaluations/{evaluationId}/codes/revoke',
    'Revoke one unused code, or all unused codes of a voter group',
  ),
  request: { params: EvaluationParams, body: jsonBody(RevokeInput) },
  responses: { 200: ok(z.object({ revoked: z.number() })), ...errorResponses },
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

/** Satisfaction evaluations: the unit opens and closes them, the supervision group counts them. */
export function evaluationRoutes(deps: Deps) {
  const guard = guards(deps);
  const view = (e: Evaluation) => ({
    ...e,
    state: evaluationPhase(e, deps.now()),
    ...(e.mode === 'link' ? { link: publicUrl(deps.config.PUBLIC_BASE_URL, `/e/${e.id}`) } : {}),
  });
  const byWhom = (username: string, e: Evaluation) => ({
    actor: username,
    target: `unit:${e.unitId}/evaluation:${e.id}`,
    kind: 'evaluation' as const,
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
    .openapi(mint, async (c) => {
      const { who, evaluation } = await guard.evaluation(c, 'collect', c.req.valid('param').evaluationId);
      const { voterGroup, count: n } = c.req.valid('json');
      if (evaluation.mode !== 'codes')
        throw conflict('LINK_EVALUATION', '本次测评凭公开链接进行，不制发选票码');
      const codes = await mintCodes(deps, byWhom(who.username, evaluation), evaluation, voterGroup, n);
      const link = (code: string) => publicUrl(deps.config.PUBLIC_BASE_URL, `/b/${code}`);
      return c.json({ voterGroup, codes: codes.map((code) => ({ code, link: link(code) })) }, 201);
    })
    .openapi(revoke, async (c) => {
      const { who, evaluation } = await guard.evaluation(c, 'collect', c.req.valid('param').evaluationId);
      const body = c.req.valid('json');
      const what = { code: body.code, group: body.voterGroup };
      return c.json(await revokeCodes(deps, byWhom(who.username, evaluation), evaluation, what), 200);
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
