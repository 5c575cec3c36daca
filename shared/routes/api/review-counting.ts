import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../deps';
import { username } from '../../domain/account';
import { zodProblems } from '../../domain/input';
import {
  ballotMarks,
  checkMarksOfGroup,
  Determination,
  grades,
  PaperEntry,
  type ReviewSession,
  SessionView,
} from '../../domain/review';
import { ResultsView } from '../../domain/review-views';
import { cachedBy } from '../../domain/schema-cache';
import { VoterGroup } from '../../domain/vote';
import { ReconciliationView } from '../../domain/vote-count';
import { validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, SessionParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { resultsCsv, resultsXlsx } from '../../usecases/export-review-results';
import { appointTellers, confirmCount, enterPaperBallot } from '../../usecases/review-counting';
import { countSession, determine, receipts, results } from '../../usecases/review-results';
import { downloadHeaders } from '../../usecases/workbook';
import { guards } from './guard';
import { reviewRoute, sessionView } from './review-sessions';

const json = z.record(z.string(), z.unknown());

const tellers = createRoute({
  ...reviewRoute(
    'put',
    '/api/review-sessions/{sessionId}/tellers',
    'Appoint the two tellers (计票人): office or supervision-group accounts, never the unit’s own (supervision group, office)',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(z.strictObject({ teller1: username, teller2: username })),
  },
  responses: { 200: ok(SessionView), ...errorResponses },
});
const confirm = createRoute({
  ...reviewRoute(
    'post',
    '/api/review-sessions/{sessionId}/count/confirm',
    'Confirm the count (计票结束), naming the unresolved paper slips; seals the results (supervision group, office; not a teller)',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(
      z.strictObject({
        unresolvedSlips: z.array(z.number().int().min(1).max(99_999)).max(10_000).default([]),
      }),
    ),
  },
  responses: { 200: ok(ResultsView), ...errorResponses },
});
const paper = createRoute({
  ...reviewRoute(
    'put',
    '/api/review-sessions/{sessionId}/paper-ballots/{slipNo}/tellers/{teller}',
    'One teller’s entry or correction of one paper ballot, after casting closed (the appointed teller of that side)',
  ),
  request: {
    params: SessionParams.extend({
      slipNo: z.coerce.number().int().min(1).max(99_999),
      teller: z.enum(['1', '2']),
    }),
    body: jsonBody(json),
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
    body: jsonBody(
      z.strictObject({
        // Nothing is chosen for the organisation: a missing grade is named in words people use.
        grade: z.enum(grades, { error: '请选择组织评定的等次' }),
        reason: z.string().trim().min(2, '请写明评定理由').max(500),
      }),
    ),
  },
  responses: { 200: ok(Determination), ...errorResponses },
});

/** A paper ballot as a teller types it: the voter group and the marks of an online ballot, without a comment. */
const PaperBody = cachedBy(
  (s: ReviewSession) => s.id,
  (s: ReviewSession) =>
    ballotMarks(s)
      .omit({ comment: true })
      .extend({ voterGroup: VoterGroup })
      .superRefine(checkMarksOfGroup(s)),
);

/** Counting a review session: tellers, paper entries, confirmation, reconciliation, results, receipts, determinations. */
export function reviewCountingRoutes(deps: Deps) {
  const guard = guards(deps);
  const settingsOf = async (c: Parameters<typeof guard.campaign>[0], s: ReviewSession) =>
    (await guard.campaign(c, 'read', s.campaignId)).campaign.settings;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(tellers, async (c) => {
      const { who, session } = await guard.session(c, 'superviseCount', c.req.valid('param').sessionId);
      const appointed = await appointTellers(deps, who, session, c.req.valid('json'));
      return c.json(sessionView(deps, appointed), 200);
    })
    .openapi(confirm, async (c) => {
      const { who, session } = await guard.session(c, 'superviseCount', c.req.valid('param').sessionId);
      const settings = await settingsOf(c, session);
      await confirmCount(deps, who, session, settings, c.req.valid('json').unresolvedSlips);
      const { session: counted } = await guard.session(c, 'read', session.id);
      return c.json(await results(deps, counted, settings), 200);
    })
    .openapi(paper, async (c) => {
      const { sessionId, slipNo, teller } = c.req.valid('param');
      const { who, session } = await guard.session(c, 'enterPaper', sessionId);
      const body = PaperBody(session).safeParse(c.req.valid('json'));
      if (!body.success) throw validationError(zodProblems(body.error));
      const entry = { slipNo, teller: teller === '1' ? (1 as const) : (2 as const), ...body.data };
      return c.json(await enterPaperBallot(deps, who, session, entry), 200);
    })
    .openapi(reconciliation, async (c) => {
      const { session } = await guard.session(c, 'read', c.req.valid('param').sessionId);
      const counted = await countSession(deps, session, await settingsOf(c, session));
      return c.json(counted.reconciliation, 200);
    })
    .openapi(result, async (c) => {
      const { session } = await guard.session(c, 'read', c.req.valid('param').sessionId);
      const sealed = await results(deps, session, await settingsOf(c, session));
      const { format } = c.req.valid('query');
      if (format === 'json') return c.json(sealed, 200);
      const headers = downloadHeaders(format, 'review-results', `${session.unitName}-民主评议结果`);
      if (format === 'xlsx') return c.body(await resultsXlsx(sealed, session), 200, headers);
      return c.body(resultsCsv(sealed, session), 200, headers);
    })
    .openapi(receiptList, async (c) => {
      const { session } = await guard.session(c, 'read', c.req.valid('param').sessionId);
      return c.json({ receipts: await receipts(deps, session) }, 200);
    })
    .openapi(determination, async (c) => {
      const { sessionId, memberId } = c.req.valid('param');
      const { who, session } = await guard.session(c, 'collect', sessionId);
      const body = c.req.valid('json');
      return c.json(await determine(deps, who.username, session, memberId, body.grade, body.reason), 200);
    });
}
