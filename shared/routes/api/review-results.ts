import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { Determination, DeterminationInput } from '../../domain/review';
import { ResultsView } from '../../domain/review-views';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, SessionParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { resultsCsv, resultsXlsx } from '../../usecases/export-review-results';
import { determine, receiptsOf, resultsOf } from '../../usecases/review-results';
import { downloadHeaders } from '../../usecases/workbook';
import { reviewRoute } from './review-sessions';

const result = createRoute({
  ...reviewRoute(
    'get',
    '/api/review-sessions/{sessionId}/results',
    'The sealed tally of a counted session, its flags and the organisation’s determinations; as CSV or XLSX with format',
  ),
  request: {
    params: SessionParams,
    query: z.strictObject({ format: z.enum(['json', 'csv', 'xlsx']).default('json') }),
  },
  responses: {
    200: {
      description: 'The results',
      content: {
        'application/json': { schema: ResultsView },
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
      },
    },
    ...errorResponses,
  },
});
const receiptList = createRoute({
  ...reviewRoute(
    'get',
    '/api/review-sessions/{sessionId}/receipts',
    'Receipts of the counted online ballots, sorted, for publishing once the count is confirmed',
  ),
  request: { params: SessionParams },
  responses: { 200: ok(z.object({ receipts: z.array(z.string()) })), ...errorResponses },
});
const determination = createRoute({
  ...reviewRoute(
    'put',
    '/api/review-sessions/{sessionId}/determinations/{memberId}',
    'The organisation’s own determination for a member (组织评定), with a reason',
  ),
  request: {
    params: SessionParams.extend({ memberId: z.string().min(1).max(64) }),
    body: jsonBody(DeterminationInput),
  },
  responses: { 200: ok(Determination), ...errorResponses },
});

/** A counted review session's results (as JSON, CSV or XLSX), its receipts and the organisation's determinations. */
export function reviewResultsRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(result, async (c) => {
      const { session, results } = await resultsOf(deps, principalOf(c), c.req.valid('param').sessionId);
      const { format } = c.req.valid('query');
      if (format === 'json') return c.json(results, 200);
      const headers = downloadHeaders(format, 'review-results', `${session.unitName}-民主评议结果`);
      if (format === 'xlsx') return c.body(await resultsXlsx(results, session), 200, headers);
      return c.body(resultsCsv(results, session), 200, headers);
    })
    .openapi(receiptList, async (c) =>
      c.json({ receipts: await receiptsOf(deps, principalOf(c), c.req.valid('param').sessionId) }, 200),
    )
    .openapi(determination, async (c) => {
      const { sessionId, memberId } = c.req.valid('param');
      return c.json(await determine(deps, principalOf(c), sessionId, memberId, c.req.valid('json')), 200);
    });
}
