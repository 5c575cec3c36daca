import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import {
  ConfirmCountingInput,
  CountingSlip,
  PaperEntry,
  SessionView,
  TellersInput,
} from '../../domain/review';
import { ResultsView } from '../../domain/review-views';
import { ReconciliationView } from '../../domain/vote-count';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, SessionParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { appointTellers, confirmCounting, enterCountingEntry } from '../../usecases/counting';
import { reconciliationOf } from '../../usecases/review-results';
import { reviewRoute } from './review-sessions';

const tellers = createRoute({
  ...reviewRoute(
    'put',
    '/api/review-sessions/{sessionId}/tellers',
    'Appoint the two tellers (计票人): office or supervision-group accounts, never the unit’s own (supervision group, office)',
  ),
  request: { params: SessionParams, body: jsonBody(TellersInput) },
  responses: { 200: ok(SessionView), ...errorResponses },
});
const confirm = createRoute({
  ...reviewRoute(
    'post',
    '/api/review-sessions/{sessionId}/count/confirm',
    'Confirm the count (计票结束), naming the unresolved paper slips; seals the results (supervision group, office; not a teller)',
  ),
  request: { params: SessionParams, body: jsonBody(ConfirmCountingInput) },
  responses: { 200: ok(ResultsView), ...errorResponses },
});
const entry = createRoute({
  ...reviewRoute(
    'put',
    '/api/review-sessions/{sessionId}/paper-ballots/{slipNo}/tellers/{teller}',
    'One teller’s entry or correction of one paper ballot, after casting closed (the appointed teller of that side)',
  ),
  request: {
    params: SessionParams.extend(CountingSlip.shape),
    body: jsonBody(z.record(z.string(), z.unknown())),
  },
  responses: { 200: ok(PaperEntry), ...errorResponses },
});
const reconciliation = createRoute({
  ...reviewRoute(
    'get',
    '/api/review-sessions/{sessionId}/reconciliation',
    'Codes, ballots, turnout and quorum per voter group (live)',
  ),
  request: { params: SessionParams },
  responses: { 200: ok(ReconciliationView), ...errorResponses },
});

/** Counting a review session (计票): tellers, their entries of paper slips, confirmation, the live reconciliation. */
export function countingRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(tellers, async (c) => {
      const { sessionId } = c.req.valid('param');
      return c.json(await appointTellers(deps, principalOf(c), sessionId, c.req.valid('json')), 200);
    })
    .openapi(confirm, async (c) => {
      const { sessionId } = c.req.valid('param');
      const { unresolvedSlips } = c.req.valid('json');
      return c.json(await confirmCounting(deps, principalOf(c), sessionId, unresolvedSlips), 200);
    })
    .openapi(entry, async (c) => {
      const { sessionId, ...slip } = c.req.valid('param');
      return c.json(
        await enterCountingEntry(deps, principalOf(c), sessionId, slip, c.req.valid('json')),
        200,
      );
    })
    .openapi(reconciliation, async (c) =>
      c.json(await reconciliationOf(deps, principalOf(c), c.req.valid('param').sessionId), 200),
    );
}
