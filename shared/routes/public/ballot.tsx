import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { getSession } from '../../data/repos/sessions';
import { ttlCache } from '../../data/ttl-cache';
import type { Deps } from '../../deps';
import { normalizeCode } from '../../domain/ballot-code';
import { zodProblems } from '../../domain/input';
import { ballotMarks, checkMarksOfGroup, type ReviewSession, sessionState } from '../../domain/review';
import { cachedBy } from '../../domain/schema-cache';
import { windowClosedError } from '../../domain/time-window';
import { VoterGroup } from '../../domain/vote';
import { AppError, badRequest, notFound, tooManyRequests, validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { readJsonObject } from '../../http/json-body';
import { createTokenBuckets } from '../../http/rate-limit';
import { statusOf } from '../../http/status';
import { normalizeReceipt } from '../../usecases/receipt-status';
import { castBallot, codeRevoked, codeUsed, findCode } from '../../usecases/vote-cast';
import { page } from '../../views/page';
import {
  BallotPage,
  BallotThanksPage,
  type BallotValues,
  CodeEntryPage,
} from '../../views/public/ballot-page';
import { RoundNoticePage } from '../../views/public/notice-pages';
import { evaluationCodePage } from './evaluation';
import { checkParam, token22Pattern } from './params';

const RequestToken = z.string().regex(token22Pattern, '页面已失效，请刷新后重新填写');
const newRequestToken = () => randomBytes(16).toString('base64url');

/** One cast as the page or the JSON API sends it: the page's token, the voter group and the marks. */
// Built once per session (its members, comments and 不了解 are fixed when it opens).
const castInput = cachedBy(
  (session: ReviewSession) => session.id,
  (session: ReviewSession) =>
    ballotMarks(session)
      .extend({ requestToken: RequestToken, voterGroup: VoterGroup })
      .superRefine(checkMarksOfGroup(session)),
);

/** The voters' side of democratic review: the ballot page, its post, and the same as JSON. */
export function ballotRoutes(deps: Deps) {
  const buckets = createTokenBuckets({
    capacity: deps.config.FLOOD_BURST,
    refillPerSecond: deps.config.FLOOD_PER_SECOND,
  });
  // The window is checked on the code inside the casting transaction, so a session may come from a short cache.
  const cachedSession = ttlCache((id) => getSession(deps, id), 30_000);
  const app = new Hono<AppEnv>();

  const notice = (c: Context, err: AppError) =>
    c.html(
      page(
        <RoundNoticePage title={err.kind === 'conflict' ? '选票已使用' : '无法投票'} message={err.message} />,
      ),
      statusOf[err.kind],
    );
  const invalidCode = () => notFound('选票码无效，请核对二维码或选票上的号码');

  /** The code's state decides the page: a used, revoked or unknown code never gets the form. */
  async function usableCode(raw: string) {
    const code = normalizeCode(raw);
    const found = code ? await findCode(deps, code) : undefined;
    if (!code || !found) throw invalidCode();
    if (found.state === 'used') throw codeUsed();
    if (found.state === 'revoked') throw codeRevoked();
    return { code, found };
  }

  /** Validates a cast, spends the flood brake, and casts: the one path of the page and the JSON API. */
  async function cast(session: ReviewSession, code: string, raw: unknown) {
    const input = castInput(session).safeParse(raw);
    if (!input.success) throw validationError(zodProblems(input.error));
    if (!buckets.take(session.id)) throw tooManyRequests();
    const { requestToken, voterGroup, ...marks } = input.data;
    return castBallot(deps, 'review', session, { code, voterGroup, requestToken, marks });
  }

  // For a voter who types the code from the slip instead of scanning it.
  app.get('/b', (c) => {
    const typed = c.req.query('code');
    if (typed !== undefined) {
      const code = normalizeCode(typed);
      if (code) return c.redirect(`/b/${code.match(/.{4}/g)?.join('-') ?? code}`, 303);
    }
    return c.html(
      page(<CodeEntryPage error={typed !== undefined ? '选票码应为16位字母和数字，请核对' : undefined} />),
    );
  });

  // The thanks page after a cast (registered before `/b/:code`, which `done` could never be).
  app.get('/b/done', (c) => {
    const receipt = normalizeReceipt(c.req.query('r') ?? '');
    if (!receipt) return c.redirect('/b', 303);
    c.header('cache-control', 'private, no-store');
    return c.html(page(<BallotThanksPage receipt={receipt} />));
  });

  app.get('/b/:code', async (c) => {
    try {
      const { code, found } = await usableCode(c.req.param('code'));
      c.header('cache-control', 'private, no-cache');
      // One slip format and one code entry for every vote: an evaluation code opens its evaluation.
      if (found.kind === 'evaluation')
        return c.html(await evaluationCodePage(deps, found.voteId, code, found.voterGroup));
      const session = await getSession(deps, found.voteId);
      if (!session) throw invalidCode();
      if (sessionState(session, deps.now()) !== 'open')
        throw windowClosedError('session', session, deps.now());
      const voterGroup = found.voterGroup;
      return c.html(
        page(
          <BallotPage
            session={session}
            code={code}
            voterGroup={voterGroup}
            requestToken={newRequestToken()}
            values={{ grades: {}, comment: '' }}
            errors={[]}
          />,
        ),
      );
    } catch (err) {
      if (err instanceof AppError) return notice(c, err);
      throw err;
    }
  });

  app.post('/b/:code/cast', async (c) => {
    const form = await readForm(c);
    const code = normalizeCode(c.req.param('code'));
    const voterGroup = VoterGroup.safeParse(form.voterGroup);
    const token = RequestToken.safeParse(form.requestToken);
    const sessionId = typeof form.sessionId === 'string' ? form.sessionId : '';
    if (!code || !voterGroup.success || !token.success || !sessionId) {
      return notice(c, badRequest('BAD_BALLOT', '页面已失效，请重新扫码'));
    }
    // The page names its session; casting checks that the code really belongs to it.
    const session = await cachedSession(sessionId);
    if (!session) return notice(c, invalidCode());
    const grades: Record<string, string> = {};
    for (const [k, v] of Object.entries(form))
      if (k.startsWith('g_') && typeof v === 'string') grades[k.slice(2)] = v;
    const satisfaction = typeof form.satisfaction === 'string' ? form.satisfaction : undefined;
    const comment = typeof form.comment === 'string' && session.comments ? form.comment : undefined;
    const values: BallotValues = { grades, satisfaction, comment: comment ?? '' };
    try {
      const { receipt } = await cast(session, code, {
        requestToken: token.data,
        voterGroup: voterGroup.data,
        grades,
        satisfaction,
        ...(comment !== undefined ? { comment } : {}),
      });
      // Post/Redirect/Get: the thanks page can be refreshed or reopened; its address names no code.
      return c.redirect(`/b/done?r=${receipt}`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code !== 'VALIDATION_FAILED' && err.kind !== 'tooMany') return notice(c, err);
      return c.html(
        page(
          <BallotPage
            session={session}
            code={code}
            voterGroup={voterGroup.data}
            requestToken={token.data}
            values={values}
            errors={err.details}
            notice={err.kind === 'tooMany' ? err.message : undefined}
          />,
        ),
        statusOf[err.kind],
      );
    }
  });

  // The same as JSON (described for the API reference in ./openapi.ts).
  app.post('/api/public/review-sessions/:sessionId/ballots', async (c) => {
    const id = checkParam('sessionId', c.req.param('sessionId'), (v) => v.length >= 1 && v.length <= 64);
    const body = await readJsonObject(c);
    const session = await cachedSession(id);
    if (!session) throw notFound();
    const { code: typed, ...rest } = body;
    const code = typeof typed === 'string' && typed.length <= 40 ? normalizeCode(typed) : undefined;
    if (!code) throw validationError([{ path: 'code', message: '选票码格式不对' }]);
    return c.json(await cast(session, code, rest), 201);
  });

  return app;
}
