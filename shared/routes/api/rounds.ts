import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listRounds } from '../../data/repos/rounds';
import type { Deps } from '../../deps';
import { CustomQuestions, type Round, RoundInput, RoundView, roundState } from '../../domain/round';
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
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { qrPng, qrSvg } from '../../usecases/qr';
import { changeForm, closeRoundEarly, openRound } from '../../usecases/rounds';
import { guards } from './guard';

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
  request: { params: RoundParams, body: jsonBody(z.strictObject({ questions: CustomQuestions })) },
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
  const guard = guards(deps);
  const view = (r: Round) => ({
    ...r,
    link: publicUrl(deps.config.PUBLIC_BASE_URL, `/f/${r.id}`),
    state: roundState(r, deps.now()),
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      const page = await listRounds(deps, unit.id, c.req.valid('query'));
      return c.json({ ...page, items: page.items.map(view) }, 200);
    })
    .openapi(open, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(view(await openRound(deps, who.username, unit, c.req.valid('json'))), 201);
    })
    .openapi(get, async (c) => {
      const { round } = await guard.round(c, 'read', c.req.valid('param').roundId);
      return c.json(view(round), 200);
    })
    .openapi(close, async (c) => {
      const { who, round } = await guard.round(c, 'collect', c.req.valid('param').roundId);
      return c.json(view(await closeRoundEarly(deps, who.username, round)), 200);
    })
    .openapi(form, async (c) => {
      const { who, round } = await guard.round(c, 'collect', c.req.valid('param').roundId);
      return c.json(view(await changeForm(deps, who.username, round, c.req.valid('json').questions)), 200);
    })
    .openapi(qr('svg'), async (c) => {
      const { round } = await guard.round(c, 'read', c.req.valid('param').roundId);
      const svg = await qrSvg(publicUrl(deps.config.PUBLIC_BASE_URL, `/f/${round.id}`));
      return c.body(svg, 200, { 'content-type': 'image/svg+xml' });
    })
    .openapi(qr('png'), async (c) => {
      const { round } = await guard.round(c, 'read', c.req.valid('param').roundId);
      const png = await qrPng(publicUrl(deps.config.PUBLIC_BASE_URL, `/f/${round.id}`));
      return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
    });
}
