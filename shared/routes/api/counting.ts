import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { ConfirmCountingInput, CountingSlip, PaperIssuedInput, TellersInput } from '../../domain/counting';
import { EvaluationPaperEntry, EvaluationView } from '../../domain/evaluation';
import { PaperEntry, SessionView } from '../../domain/review';
import { ResultsView } from '../../domain/review-views';
import type { VoteKind } from '../../domain/vote';
import { ReconciliationView } from '../../domain/vote-count';
import type { AppEnv } from '../../http/env';
import { EvaluationParams, errorResponses, jsonBody, ok, SessionParams, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import type { VoteOf } from '../../usecases/counted-kinds';
import {
  appointTellers,
  confirmCounting,
  enterCountingEntry,
  reconciliationOf,
  setPaperIssued,
} from '../../usecases/counting';
import { sessionView } from '../../usecases/review-session';
import { evaluationView } from '../evaluation-view';

/** Where one kind of vote's counting routes live, and how its vote and results are answered. */
interface CountingRoutes<K extends VoteKind> {
  kind: K;
  /** e.g. `/api/review-sessions/{sessionId}`, the schema of its parameters and the one naming the vote. */
  base: string;
  params: z.ZodObject<z.ZodRawShape>;
  idParam: string;
  tag: string;
  noun: string;
  schemas: { vote: z.ZodType; paper: z.ZodType; sealed: z.ZodType };
  view: (deps: Deps, vote: VoteOf<K>) => unknown;
}

/**
 * Counting a vote (计票), the same for every kind: paper slips handed out,
 * the two tellers, their entries of paper slips, the confirmation that seals
 * the results, the live reconciliation.
 */
function voteCountingRoutes<K extends VoteKind>(deps: Deps, spec: CountingRoutes<K>) {
  const idOf = (params: Record<string, unknown>) => String(params[spec.idParam]);
  const route = <M extends 'get' | 'post' | 'put'>(method: M, path: string, summary: string) => ({
    method,
    path: `${spec.base}${path}`,
    tags: [spec.tag],
    security,
    summary,
  });
  const paperIssued = createRoute({
    ...route('put', '/paper-issued', `How many paper ${spec.noun} slips were handed out, per voter group`),
    request: { params: spec.params, body: jsonBody(PaperIssuedInput) },
    responses: { 200: ok(spec.schemas.vote), ...errorResponses },
  });
  const tellers = createRoute({
    ...route(
      'put',
      '/tellers',
      'Appoint the two tellers (计票人): office or supervision-group accounts, never the unit’s own (supervision group, office)',
    ),
    request: { params: spec.params, body: jsonBody(TellersInput) },
    responses: { 200: ok(spec.schemas.vote), ...errorResponses },
  });
  const confirm = createRoute({
    ...route(
      'post',
      '/count/confirm',
      'Confirm the count (计票结束), naming the unresolved paper slips; seals the results (supervision group, office; not a teller)',
    ),
    request: { params: spec.params, body: jsonBody(ConfirmCountingInput) },
    responses: { 200: ok(spec.schemas.sealed), ...errorResponses },
  });
  const entry = createRoute({
    ...route(
      'put',
      '/paper-ballots/{slipNo}/tellers/{teller}',
      'One teller’s entry or correction of one paper slip, after casting closed (the appointed teller of that side)',
    ),
    request: {
      params: spec.params.extend(CountingSlip.shape),
      body: jsonBody(z.record(z.string(), z.unknown())),
    },
    responses: { 200: ok(spec.schemas.paper), ...errorResponses },
  });
  const reconciliation = createRoute({
    ...route('get', '/reconciliation', 'Codes, ballots, turnout and quorum per voter group (live)'),
    request: { params: spec.params },
    responses: { 200: ok(ReconciliationView), ...errorResponses },
  });
  const json = (x: unknown) => x as Record<string, never>;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(paperIssued, async (c) => {
      const id = idOf(c.req.valid('param'));
      const vote = await setPaperIssued(deps, principalOf(c), spec.kind, id, c.req.valid('json'));
      return c.json(json(spec.view(deps, vote)), 200);
    })
    .openapi(tellers, async (c) => {
      const id = idOf(c.req.valid('param'));
      const vote = await appointTellers(deps, principalOf(c), spec.kind, id, c.req.valid('json'));
      return c.json(json(spec.view(deps, vote)), 200);
    })
    .openapi(confirm, async (c) => {
      const id = idOf(c.req.valid('param'));
      const { unresolvedSlips } = c.req.valid('json');
      const sealed = await confirmCounting(deps, principalOf(c), spec.kind, id, unresolvedSlips);
      return c.json(json(spec.kind === 'evaluation' ? spec.view(deps, sealed as VoteOf<K>) : sealed), 200);
    })
    .openapi(entry, async (c) => {
      const { slipNo, teller, ...params } = c.req.valid('param');
      const slip = CountingSlip.parse({ slipNo, teller });
      const marks = c.req.valid('json');
      return c.json(
        json(await enterCountingEntry(deps, principalOf(c), spec.kind, idOf(params), slip, marks)),
        200,
      );
    })
    .openapi(reconciliation, async (c) =>
      c.json(await reconciliationOf(deps, principalOf(c), spec.kind, idOf(c.req.valid('param'))), 200),
    );
}

/** Counting a review session and an evaluation, by the same routes under each. */
export function countingRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route(
      '/',
      voteCountingRoutes(deps, {
        kind: 'review',
        base: '/api/review-sessions/{sessionId}',
        params: SessionParams,
        idParam: 'sessionId',
        tag: 'democratic review',
        noun: 'ballot',
        schemas: { vote: SessionView, paper: PaperEntry, sealed: ResultsView },
        view: sessionView,
      }),
    )
    .route(
      '/',
      voteCountingRoutes(deps, {
        kind: 'evaluation',
        base: '/api/evaluations/{evaluationId}',
        params: EvaluationParams,
        idParam: 'evaluationId',
        tag: 'rectification',
        noun: 'evaluation',
        schemas: { vote: EvaluationView, paper: EvaluationPaperEntry, sealed: EvaluationView },
        view: evaluationView,
      }),
    );
}
