import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/middleware';
import type { Resource } from '../../auth/policy';
import { accessPatterns } from '../../data/keys';
import { queryAll, queryPage } from '../../data/query';
import { getSession } from '../../data/repos/sessions';
import type { Deps } from '../../deps';
import {
  Ballot,
  Grade,
  ReviewSession,
  ReviewSessionInput,
  Satisfaction,
  sessionState,
  VoterGroup,
} from '../../domain/review';
import { ReconciliationView, ResultsView } from '../../domain/review-views';
import { conflict, notFound, validationError } from '../../errors';
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
import { publicUrl } from '../../http/public-url';
import { validationHook, zodProblems } from '../../http/validation';
import { mintCodes, revokeCodes } from '../../usecases/ballot-codes';
import { determine, enterPaperBallot, reconcile, results } from '../../usecases/review-results';
import { closeSession, openSession, setPaperIssued } from '../../usecases/review-session';
import { loadCampaign, loadUnit, unitResource } from './load';

const tags = ['democratic review'];
export const SessionView = ReviewSession.extend({ state: z.enum(['notYetOpen', 'open', 'closed']) }).openapi(
  'ReviewSessionView',
);
const json = z.record(z.string(), z.unknown());

const sessionResource = (s: ReviewSession): Resource => ({
  kind: 'unit',
  campaignId: s.campaignId,
  groupId: s.groupId,
  unitId: s.unitId,
});

async function loadSession(deps: Deps, id: string) {
  const s = await getSession(deps, id);
  if (!s) throw notFound();
  return s;
}

const route = <M extends 'get' | 'post' | 'put'>(method: M, path: string, summary: string) => ({
  method,
  path,
  tags,
  security,
  summary,
});

const list = createRoute({
  ...route('get', '/api/units/{unitId}/review-sessions', 'Review sessions of a unit, newest first'),
  request: { params: UnitParams, query: PageQuery },
  responses: { 200: ok(pageOf(SessionView)), ...errorResponses },
});
const open = createRoute({
  ...route(
    'post',
    '/api/units/{unitId}/review-sessions',
    'Open a review session (unit in 分析评议; unit leader)',
  ),
  request: { params: UnitParams, body: jsonBody(ReviewSessionInput) },
  responses: { 201: ok(SessionView, 'Opened'), ...errorResponses },
});
const get = createRoute({
  ...route('get', '/api/review-sessions/{sessionId}', 'One review session'),
  request: { params: SessionParams },
  responses: { 200: ok(SessionView), ...errorResponses },
});
const close = createRoute({
  ...route('post', '/api/review-sessions/{sessionId}/close', 'Close a session early'),
  request: { params: SessionParams },
  responses: { 200: ok(SessionView), ...errorResponses },
});
const mint = createRoute({
  ...route(
    'post',
    '/api/review-sessions/{sessionId}/codes',
    'Mint ballot codes for a voter group; the codes are shown only in this answer',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(z.strictObject({ voterGroup: VoterGroup, count: z.number().int().min(1).max(500) })),
  },
  responses: {
    201: ok(
      z.object({ voterGroup: VoterGroup, codes: z.array(z.object({ code: z.string(), link: z.string() })) }),
      'Minted',
    ),
    ...errorResponses,
  },
});
const revoke = createRoute({
  ...route(
    'post',
    '/api/review-sessions/{sessionId}/codes/revoke',
    'Revoke one unused code, or all unused codes of a voter group',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(
      z
        .strictObject({ code: z.string().max(40).optional(), voterGroup: VoterGroup.optional() })
        .refine((b) => Boolean(b.code) !== Boolean(b.voterGroup), '请指定一个选票码，或一个投票人类别'),
    ),
  },
  responses: { 200: ok(z.object({ revoked: z.number() })), ...errorResponses },
});
const paperIssued = createRoute({
  ...route(
    'put',
    '/api/review-sessions/{sessionId}/paper-issued',
    'How many paper ballots were handed out, per voter group',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(
      z.strictObject({
        member: z.number().int().min(0).max(10_000),
        mass: z.number().int().min(0).max(10_000),
      }),
    ),
  },
  responses: { 200: ok(SessionView), ...errorResponses },
});
const paper = createRoute({
  ...route(
    'put',
    '/api/review-sessions/{sessionId}/paper-ballots/{slipNo}/tellers/{teller}',
    'One teller’s entry of one paper ballot',
  ),
  request: {
    params: SessionParams.extend({
      slipNo: z.coerce.number().int().min(1).max(99_999),
      teller: z.enum(['1', '2']),
    }),
    body: jsonBody(json),
  },
  responses: { 200: ok(json), ...errorResponses },
});
const reconciliation = createRoute({
  ...route(
    'get',
    '/api/review-sessions/{sessionId}/reconciliation',
    'Codes, ballots, turnout and quorum per voter group (live)',
  ),
  request: { params: SessionParams },
  responses: { 200: ok(ReconciliationView), ...errorResponses },
});
const result = createRoute({
  ...route(
    'get',
    '/api/review-sessions/{sessionId}/results',
    'The tally of a closed session, its flags and the organisation’s determinations',
  ),
  request: { params: SessionParams },
  responses: { 200: ok(ResultsView), ...errorResponses },
});
const receipts = createRoute({
  ...route(
    'get',
    '/api/review-sessions/{sessionId}/receipts',
    'Receipts of the counted online ballots, sorted, for publishing after closing',
  ),
  request: { params: SessionParams },
  responses: { 200: ok(z.object({ receipts: z.array(z.string()) })), ...errorResponses },
});
const determination = createRoute({
  ...route(
    'put',
    '/api/review-sessions/{sessionId}/determinations/{memberId}',
    'The organisation’s own determination for a member (组织评定), with a reason',
  ),
  request: {
    params: SessionParams.extend({ memberId: z.string().min(1).max(64) }),
    body: jsonBody(z.strictObject({ grade: Grade, reason: z.string().trim().min(2).max(500) })),
  },
  responses: { 200: ok(json), ...errorResponses },
});

/** Democratic review (民主评议): sessions, ballot codes, paper ballots, reconciliation, results. */
export function reviewSessionRoutes(deps: Deps) {
  const view = (s: ReviewSession) => ({ ...s, state: sessionState(s, deps.now()) });
  const settingsOf = async (s: ReviewSession) => (await loadCampaign(deps, s.campaignId)).settings;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unitId } = c.req.valid('param');
      authorize(c, 'read', unitResource(await loadUnit(deps, unitId)));
      const page = await queryPage(
        deps.db,
        deps.tableName,
        accessPatterns.sessionsOfUnit(unitId),
        ReviewSession,
        c.req.valid('query'),
      );
      return c.json({ ...page, items: page.items.map(view) }, 200);
    })
    .openapi(open, async (c) => {
      const unit = await loadUnit(deps, c.req.valid('param').unitId);
      const who = authorize(c, 'collect', unitResource(unit));
      return c.json(view(await openSession(deps, who.username, unit, c.req.valid('json'))), 201);
    })
    .openapi(get, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      authorize(c, 'read', sessionResource(s));
      return c.json(view(s), 200);
    })
    .openapi(close, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      const who = authorize(c, 'collect', sessionResource(s));
      return c.json(view(await closeSession(deps, who.username, s)), 200);
    })
    .openapi(mint, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      const who = authorize(c, 'collect', sessionResource(s));
      const { voterGroup, count } = c.req.valid('json');
      const codes = await mintCodes(deps, who.username, s, voterGroup, count);
      const link = (code: string) => publicUrl(c, deps.config.PUBLIC_BASE_URL, `/b/${code}`);
      return c.json({ voterGroup, codes: codes.map((code) => ({ code, link: link(code) })) }, 201);
    })
    .openapi(revoke, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      const who = authorize(c, 'collect', sessionResource(s));
      const body = c.req.valid('json');
      return c.json(
        await revokeCodes(deps, who.username, s, { code: body.code, group: body.voterGroup }),
        200,
      );
    })
    .openapi(paperIssued, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      const who = authorize(c, 'collect', sessionResource(s));
      return c.json(view(await setPaperIssued(deps, who.username, s, c.req.valid('json'))), 200);
    })
    .openapi(paper, async (c) => {
      const { sessionId, slipNo, teller } = c.req.valid('param');
      const s = await loadSession(deps, sessionId);
      authorize(c, 'collect', sessionResource(s));
      if (sessionState(s, deps.now()) === 'notYetOpen') throw conflict('SESSION_NOT_OPEN', '评议尚未开始');
      const body = PaperBody(s).safeParse(c.req.valid('json'));
      if (!body.success) throw validationError(zodProblems(body.error));
      const entry = await enterPaperBallot(deps, s, {
        slipNo,
        teller: teller === '1' ? 1 : 2,
        voterGroup: body.data.voterGroup,
        marks: body.data,
      });
      return c.json(entry, 200);
    })
    .openapi(reconciliation, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      authorize(c, 'read', sessionResource(s));
      const { ballots: _b, countedPaper: _p, ...summary } = await reconcile(deps, s, await settingsOf(s));
      return c.json(summary, 200);
    })
    .openapi(result, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      authorize(c, 'read', sessionResource(s));
      return c.json(await results(deps, s, await settingsOf(s)), 200);
    })
    .openapi(receipts, async (c) => {
      const s = await loadSession(deps, c.req.valid('param').sessionId);
      authorize(c, 'read', sessionResource(s));
      if (sessionState(s, deps.now()) !== 'closed')
        throw conflict('SESSION_OPEN', '评议结束后公布计入的选票回执');
      const ballots = await queryAll(deps.db, deps.tableName, accessPatterns.ballotsOfSession(s.id), Ballot);
      return c.json({ receipts: ballots.map((b) => b.receipt).sort() }, 200);
    })
    .openapi(determination, async (c) => {
      const { sessionId, memberId } = c.req.valid('param');
      const s = await loadSession(deps, sessionId);
      const who = authorize(c, 'collect', sessionResource(s));
      const body = c.req.valid('json');
      return c.json(await determine(deps, who.username, s, memberId, body.grade, body.reason), 200);
    });
}

/** A paper ballot as a teller types it: the voter group and the marks. */
const PaperBody = (s: ReviewSession) =>
  z.strictObject({
    voterGroup: VoterGroup,
    grades: z
      .record(z.string(), Grade)
      .refine(
        (g) =>
          s.members.every((m) => m.id in g) &&
          Object.keys(g).every((id) => s.members.some((m) => m.id === id)),
        '每位党员都要有且只有一个评定',
      ),
    satisfaction: Satisfaction,
  });
