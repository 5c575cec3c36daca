import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { FormInput, RoundInput, RoundView } from '../../domain/round';
import type { AppEnv } from '../../http/env';
import {
  errorResponses,
  jsonBody,
  ok,
  PageQuery,
  pageOf,
  RoundParams,
  security,
  UnitParams,
} from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { qrPng, qrSvg } from '../../usecases/qr';
import { closeRound, editForm, listRounds, openRound, roundView } from '../../usecases/rounds';

const tags = ['opinion rounds'];
const list = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/rounds',
  tags,
  security,
  summary: 'Opinion-collection rounds of a unit, newest first',
  request: { params: UnitParams, query: PageQuery },
  responses: { 200: ok(pageOf(RoundView)), ...errorResponses },
});
const open = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/rounds',
  tags,
  security,
  summary: 'Open a round: its public link, with up to five custom questions (unit leader)',
  request: { params: UnitParams, body: jsonBody(RoundInput) },
  responses: { 201: ok(RoundView, 'Opened'), ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/rounds/{roundId}',
  tags,
  security,
  summary: 'One round with its link and state',
  request: { params: RoundParams },
  responses: { 200: ok(RoundView), ...errorResponses },
});
const close = createRoute({
  method: 'post',
  path: '/api/rounds/{roundId}/close',
  tags,
  security,
  summary: 'Close a round early',
  request: { params: RoundParams },
  responses: { 200: ok(RoundView), ...errorResponses },
});
const form = createRoute({
  method: 'put',
  path: '/api/rounds/{roundId}/form',
  tags,
  security,
  summary: 'Replace the custom questions; a form with answers gets a new version',
  request: { params: RoundParams, body: jsonBody(FormInput) },
  responses: { 200: ok(RoundView), ...errorResponses },
});
const qr = (format: 'svg' | 'png') =>
  createRoute({
    method: 'get',
    path: `/api/rounds/{roundId}/qr.${format}`,
    tags,
    security,
    summary: `The QR code of the round's public link (${format.toUpperCase()})`,
    request: { params: RoundParams },
    responses: {
      200: {
        description: 'QR code',
        content: { [format === 'svg' ? 'image/svg+xml' : 'image/png']: { schema: z.string() } },
      },
      ...errorResponses,
    },
  });

/** Opinion-collection rounds (征求意见): open, list, close, form versions, QR codes. */
export function roundRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) =>
      c.json(await listRounds(deps, principalOf(c), c.req.valid('param').unitId, c.req.valid('query')), 200),
    )
    .openapi(open, async (c) =>
      c.json(await openRound(deps, principalOf(c), c.req.valid('param').unitId, c.req.valid('json')), 201),
    )
    .openapi(get, async (c) =>
      c.json(await roundView(deps, principalOf(c), c.req.valid('param').roundId), 200),
    )
    .openapi(close, async (c) =>
      c.json(await closeRound(deps, principalOf(c), c.req.valid('param').roundId), 200),
    )
    .openapi(form, async (c) => {
      const { questions } = c.req.valid('json');
      return c.json(await editForm(deps, principalOf(c), c.req.valid('param').roundId, questions), 200);
    })
    .openapi(qr('svg'), async (c) => {
      const { link } = await roundView(deps, principalOf(c), c.req.valid('param').roundId);
      return c.body(await qrSvg(link), 200, { 'content-type': 'image/svg+xml' });
    })
    .openapi(qr('png'), async (c) => {
      const { link } = await roundView(deps, principalOf(c), c.req.valid('param').roundId);
      return c.body(new Uint8Array(await qrPng(link)), 200, { 'content-type': 'image/png' });
    });
}
