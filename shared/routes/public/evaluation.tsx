import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { getEvaluation } from '../../data/repos/evaluations';
import { ttlCache } from '../../data/ttl-cache';
import type { Deps } from '../../deps';
import { normalizeCode } from '../../domain/ballot-code';
import { type Evaluation, evaluationMarks } from '../../domain/evaluation';
import { zodProblems } from '../../domain/input';
import { cachedBy } from '../../domain/schema-cache';
import { windowClosedError, windowState } from '../../domain/time-window';
import { VoterGroup } from '../../domain/vote';
import { AppError, badRequest, notFound, tooManyRequests, validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { readJsonObject } from '../../http/json-body';
import { createTokenBuckets } from '../../http/rate-limit';
import { statusOf } from '../../http/status';
import { normalizeReceipt } from '../../usecases/receipt-status';
import { castBallot, castOpenBallot } from '../../usecases/vote-cast';
import { page } from '../../views/page';
import {
  EvaluationPage,
  EvaluationThanksPage,
  type EvaluationValues,
} from '../../views/public/evaluation-page';
import { RoundNoticePage } from '../../views/public/notice-pages';
import { checkParam, roundTokenPattern, token22Pattern } from './params';

const RequestToken = z.string().regex(token22Pattern, '页面已失效，请刷新后重新填写');
// Built once per evaluation (its items are fixed when it opens).
const castInput = cachedBy(
  (e: Evaluation) => e.id,
  (e: Evaluation) =>
    evaluationMarks(e).extend({ requestToken: RequestToken, voterGroup: VoterGroup.default('mass') }),
);
const newRequestToken = () => randomBytes(16).toString('base64url');

/**
 * The masses' side of a satisfaction evaluation: `/e/{id}` is the page of a
 * link evaluation and the post of both kinds; an evaluation code's page is
 * reached by `/b/{code}` like any ballot code (see ./ballot.tsx), which
 * renders `evaluationCodePage`.
 */
export function evaluationRoutes(deps: Deps) {
  const buckets = createTokenBuckets({
    capacity: deps.config.FLOOD_BURST,
    refillPerSecond: deps.config.FLOOD_PER_SECOND,
  });
  // Like an opinion round, from a short cache: a link ballot costs one write and no read.
  // An early close reaches this instance within 30 s; counting waits a minute after the close.
  const cached = ttlCache((id) => getEvaluation(deps, id), 30_000);
  const find = (id: string) => (roundTokenPattern.test(id) ? cached(id) : Promise.resolve(undefined));
  const unknown = () => notFound('找不到这次测评，请确认二维码或链接是否完整');
  const app = new Hono<AppEnv>();

  const notice = (c: Context, err: AppError) =>
    c.html(
      page(
        <RoundNoticePage title={err.kind === 'conflict' ? '已经评价过' : '无法测评'} message={err.message} />,
      ),
      statusOf[err.kind],
    );

  /** Validates, spends the flood brake and casts: with the code if there is one, else by the open link. */
  async function cast(e: Evaluation, code: string | undefined, raw: Record<string, unknown>) {
    const input = castInput(e).safeParse(raw);
    if (!input.success) throw validationError(zodProblems(input.error));
    if (e.mode === 'codes' && !code)
      throw badRequest('CODE_REQUIRED', '本次测评凭选票码进行，请扫描选票上的二维码');
    if (!buckets.take(e.id)) throw tooManyRequests();
    const { requestToken, voterGroup, ...marks } = input.data;
    if (e.mode === 'link') return castOpenBallot(deps, 'evaluation', e, { requestToken, marks });
    // The page carries the code's voter group; the casting transaction checks it against the code.
    return castBallot(deps, 'evaluation', e, { code: code ?? '', voterGroup, requestToken, marks });
  }

  app.get('/e/:id', async (c) => {
    try {
      const e = await find(c.req.param('id'));
      if (!e) throw unknown();
      if (e.mode === 'codes') throw badRequest('CODE_REQUIRED', '本次测评凭选票码进行，请扫描选票上的二维码');
      if (windowState(e, deps.now()) !== 'open') throw windowClosedError('evaluation', e, deps.now());
      c.header('cache-control', 'private, no-cache');
      return c.html(
        page(
          <EvaluationPage
            evaluation={e}
            requestToken={newRequestToken()}
            values={{ measures: {} }}
            errors={[]}
          />,
        ),
      );
    } catch (err) {
      if (err instanceof AppError) return notice(c, err);
      throw err;
    }
  });

  // The thanks page after the redirect, to refresh or reopen.
  app.get('/e/:id/done', async (c) => {
    const e = await find(c.req.param('id'));
    const receipt = normalizeReceipt(c.req.query('r') ?? '');
    if (!e || !receipt) return notice(c, unknown());
    c.header('cache-control', 'private, no-store');
    return c.html(page(<EvaluationThanksPage unitName={e.unitName} receipt={receipt} />));
  });

  app.post('/e/:id', async (c) => {
    const e = await find(c.req.param('id'));
    if (!e) return notice(c, unknown());
    const form = await readForm(c);
    const code = typeof form.code === 'string' ? normalizeCode(form.code) : undefined;
    const measures: Record<string, string> = {};
    for (const [k, v] of Object.entries(form))
      if (k.startsWith('m_') && typeof v === 'string') measures[k.slice(2)] = v;
    const overall = typeof form.overall === 'string' ? form.overall : undefined;
    const values: EvaluationValues = { overall, measures };
    const requestToken = typeof form.requestToken === 'string' ? form.requestToken : '';
    try {
      const voterGroup = typeof form.voterGroup === 'string' ? form.voterGroup : undefined;
      const { receipt } = await cast(e, code, { requestToken, overall, measures, voterGroup });
      return c.redirect(`/e/${e.id}/done?r=${receipt}`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code !== 'VALIDATION_FAILED' && err.kind !== 'tooMany') return notice(c, err);
      const token = RequestToken.safeParse(requestToken).success ? requestToken : newRequestToken();
      return c.html(
        page(
          <EvaluationPage
            evaluation={e}
            code={code}
            voterGroup={typeof form.voterGroup === 'string' ? form.voterGroup : undefined}
            requestToken={token}
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
  app.post('/api/public/evaluations/:evaluationId/ballots', async (c) => {
    const id = checkParam('evaluationId', c.req.param('evaluationId'), (v) => roundTokenPattern.test(v));
    const body = await readJsonObject(c);
    const e = await find(id);
    if (!e) throw unknown();
    const { code: typed, ...rest } = body;
    const code = typeof typed === 'string' && typed.length <= 40 ? normalizeCode(typed) : undefined;
    if (typed !== undefined && !code) throw validationError([{ path: 'code', message: '选票码格式不对' }]);
    return c.json(await cast(e, code, rest), 201);
  });

  return app;
}

/** The page an evaluation code opens (`/b/{code}`), once ./ballot.tsx found the code usable. */
export async function evaluationCodePage(deps: Deps, voteId: string, code: string, voterGroup: string) {
  const e = await getEvaluation(deps, voteId);
  if (!e) throw notFound('选票码无效，请核对二维码或选票上的号码');
  if (windowState(e, deps.now()) !== 'open') throw windowClosedError('evaluation', e, deps.now());
  return page(
    <EvaluationPage
      evaluation={e}
      code={code}
      voterGroup={voterGroup}
      requestToken={newRequestToken()}
      values={{ measures: {} }}
      errors={[]}
    />,
  );
}
