import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { ReviewSessionInput, SessionView } from '../../domain/review';
import type { AppEnv } from '../../http/env';
import {
  errorResponses,
  jsonBody,
  ok,
  PageQuery,
  pageOf,
  SessionParams,
  security,
  UnitParams,
} from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { closeSession, openReviewSession, reviewSessionsOf, sessionOf } from '../../usecases/review-session';

/** The common fields of a democratic review route's declaration. */
export const reviewRoute = <M extends 'get' | 'post' | 'put'>(method: M, path: string, summary: string) => ({
  method,
  path,
  tags: ['democratic review'],
  security,
  summary,
});

const list = createRoute({
  ...reviewRoute('get', '/api/units/{unitId}/review-sessions', 'Review sessions of a unit, newest first'),
  request: { params: UnitParams, query: PageQuery },
  responses: { 200: ok(pageOf(SessionView)), ...errorResponses },
});
const open = createRoute({
  ...reviewRoute(
    'post',
    '/api/units/{unitId}/review-sessions',
    'Open a review session (unit in 分析评议; unit leader)',
  ),
  request: { params: UnitParams, body: jsonBody(ReviewSessionInput) },
  responses: { 201: ok(SessionView, 'Opened'), ...errorResponses },
});
const get = createRoute({
  ...reviewRoute('get', '/api/review-sessions/{sessionId}', 'One review session'),
  request: { params: SessionParams },
  responses: { 200: ok(SessionView), ...errorResponses },
});
const close = createRoute({
  ...reviewRoute('post', '/api/review-sessions/{sessionId}/close', 'Close a session early'),
  request: { params: SessionParams },
  responses: { 200: ok(SessionView), ...errorResponses },
});

/** Democratic review sessions (民主评议): list, open, read, close (their counting: ./counting.ts). */
export function reviewSessionRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await reviewSessionsOf(deps, principalOf(c), unitId, c.req.valid('query')), 200);
    })
    .openapi(open, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await openReviewSession(deps, principalOf(c), unitId, c.req.valid('json')), 201);
    })
    .openapi(get, async (c) =>
      c.json(await sessionOf(deps, principalOf(c), c.req.valid('param').sessionId), 200),
    )
    .openapi(close, async (c) =>
      c.json(await closeSession(deps, principalOf(c), c.req.valid('param').sessionId), 200),
    );
}
