import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listSessions } from '../../data/repos/sessions';
import type { Deps } from '../../deps';
import { type ReviewSession, ReviewSessionInput, SessionView, sessionState } from '../../domain/review';
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
import { closeSession, openSession, setPaperIssued } from '../../usecases/review-session';
import { guards } from './guard';

/** The common fields of a democratic review route's declaration. */
export const reviewRoute = <M extends 'get' | 'post' | 'put'>(method: M, path: string, summary: string) => ({
  method,
  path,
  tags: ['democratic review'],
  security,
  summary,
});

/** A session with its state now, as every review route answers it. */
export const sessionView = (deps: Deps, s: ReviewSession): SessionView => ({
  ...s,
  state: sessionState(s, deps.now()),
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
const count = z.number().int().min(0).max(10_000);
const paperIssued = createRoute({
  ...reviewRoute(
    'put',
    '/api/review-sessions/{sessionId}/paper-issued',
    'How many paper ballots were handed out, per voter group',
  ),
  request: { params: SessionParams, body: jsonBody(z.strictObject({ member: count, mass: count })) },
  responses: { 200: ok(SessionView), ...errorResponses },
});

/** Democratic review sessions (民主评议): list, open, read, close, paper ballots handed out. */
export function reviewSessionRoutes(deps: Deps) {
  const guard = guards(deps);
  const view = (s: ReviewSession) => sessionView(deps, s);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      const page = await listSessions(deps, unit.id, c.req.valid('query'));
      return c.json({ ...page, items: page.items.map(view) }, 200);
    })
    .openapi(open, async (c) => {
      const { who, unit } = await guard.unit(c, 'collect', c.req.valid('param').unitId);
      return c.json(view(await openSession(deps, who.username, unit, c.req.valid('json'))), 201);
    })
    .openapi(get, async (c) => {
      const { session } = await guard.session(c, 'read', c.req.valid('param').sessionId);
      return c.json(view(session), 200);
    })
    .openapi(close, async (c) => {
      const { who, session } = await guard.session(c, 'collect', c.req.valid('param').sessionId);
      return c.json(view(await closeSession(deps, who.username, session)), 200);
    })
    .openapi(paperIssued, async (c) => {
      const { who, session } = await guard.session(c, 'collect', c.req.valid('param').sessionId);
      return c.json(view(await setPaperIssued(deps, who.username, session, c.req.valid('json'))), 200);
    });
}
