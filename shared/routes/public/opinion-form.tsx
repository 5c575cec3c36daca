import { createHash, randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { getReport } from '../../data/repos/reports';
import { getRound } from '../../data/repos/rounds';
import { ttlCache } from '../../data/ttl-cache';
import type { Deps } from '../../deps';
import { canonicalJson } from '../../domain/canonical-json';
import { zodProblems } from '../../domain/input';
import { type OpinionInput, opinionInput } from '../../domain/opinion';
import { emptyValues, formToInput, type OpinionFormValues } from '../../domain/opinion-values';
import { problemAreaLabels } from '../../domain/report';
import { type Round, roundState } from '../../domain/round';
import { windowClosedError } from '../../domain/time-window';
import { AppError, notFound, tooManyRequests, validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { readJsonObject } from '../../http/json-body';
import { createTokenBuckets } from '../../http/rate-limit';
import { statusOf } from '../../http/status';
import { normalizeReceipt, receiptStatus } from '../../usecases/receipt-status';
import { submitOpinion } from '../../usecases/submit-opinion';
import { page } from '../../views/page';
import { FormPage } from '../../views/public/form-page';
import { ReceiptPage, RoundNoticePage, ThanksPage } from '../../views/public/notice-pages';
import { checkParam, roundTokenPattern } from './params';

const newSubmissionId = () => randomBytes(16).toString('base64url');

/** The id of an edited resend: derived from the page's id and what is sent now, so it is stable per content. */
const editedResendId = (input: OpinionInput) =>
  createHash('sha256')
    .update(`edited:${input.submissionId}:${canonicalJson(input)}`)
    .digest('base64url')
    .slice(0, 22);

/** The masses' side: the form page, its post, and the same as a JSON API. */
export function opinionFormRoutes(deps: Deps) {
  const buckets = createTokenBuckets({
    capacity: deps.config.FLOOD_BURST,
    refillPerSecond: deps.config.FLOOD_PER_SECOND,
  });

  // The round comes from a short cache, so a submission costs exactly one write and no read.
  // The price: an early close reaches this instance's submissions within 30 s (see README).
  const cachedRound = ttlCache((token) => getRound(deps, token), 30_000);
  const findRound = (token: string) =>
    roundTokenPattern.test(token) ? cachedRound(token) : Promise.resolve(undefined);
  const unknownLink = () => notFound('找不到这个征求意见页面，请确认二维码或链接是否完整');
  async function roundOr404(token: string): Promise<Round> {
    const round = await findRound(token);
    if (!round) throw unknownLink();
    return round;
  }

  // The unit's public disclosure, for everyone holding its QR link once its report is approved.
  const cachedReport = ttlCache((unitId) => getReport(deps, unitId), 30_000);
  const disclosureOf = async (round: Round | undefined) => {
    const report = round ? await cachedReport(round.unitId) : undefined;
    return report?.state === 'approved' && report.scope === 'public' && report.token
      ? `/p/${report.token}`
      : undefined;
  };
  const notice = (c: Context, err: AppError, typed?: string, disclosurePath?: string) =>
    c.html(
      page(
        <RoundNoticePage
          title={err.kind === 'notFound' ? '页面不存在' : '征求意见未开放'}
          message={err.message}
          typed={typed}
          disclosurePath={disclosurePath}
        />,
      ),
      statusOf[err.kind],
    );

  const app = new Hono<AppEnv>();

  app.get('/f/:token', async (c) => {
    // The page itself reads fresh, so a round closed a moment ago already says so.
    const token = c.req.param('token');
    const round = roundTokenPattern.test(token) ? await getRound(deps, token) : undefined;
    if (!round) return notice(c, unknownLink());
    const disclosurePath = await disclosureOf(round);
    if (roundState(round, deps.now()) !== 'open')
      return notice(c, windowClosedError('round', round, deps.now()), undefined, disclosurePath);
    // Built for one submission: no shared cache may hand it to someone else ("private", "no-cache"),
    // but the back button shows the same page again (not "no-store"), so a resend keeps its id.
    c.header('cache-control', 'private, no-cache');
    return c.html(
      page(
        <FormPage
          round={round}
          submissionId={newSubmissionId()}
          values={emptyValues}
          errors={[]}
          disclosurePath={disclosurePath}
        />,
      ),
    );
  });

  // Posted to its own URL: a POST invalidates browser caches for its URL, and the form page must stay
  // cached so the back button brings back the same page (and submission id) for a safe resend.
  app.post('/f/:token/send', async (c) => {
    const form = await readForm(c, { all: true });
    const typed = [form.opinion, form.suggestion]
      .filter((v) => typeof v === 'string' && v.trim())
      .join('\n\n');
    const round = await findRound(c.req.param('token'));
    if (!round) return notice(c, unknownLink(), typed);
    const types = Object.fromEntries(round.form.questions.map((q) => [q.id, q.type]));
    const raw = formToInput(form, types);
    const values: OpinionFormValues = { ...emptyValues, ...raw };
    const submissionId = raw.submissionId || newSubmissionId();
    const again = (status: 400 | 409 | 429, errors: { path: string; message: string }[], message?: string) =>
      c.html(
        page(
          <FormPage
            round={round}
            submissionId={submissionId}
            values={values}
            errors={errors}
            notice={message}
          />,
        ),
        status,
      );

    if (!buckets.take(round.id)) return again(429, [], tooManyRequests().message);
    const parsed = opinionInput(round).safeParse(raw);
    if (!parsed.success) return again(400, zodProblems(parsed.error));
    try {
      const { receipt } = await submitOpinion(deps, round, parsed.data).catch((err) => {
        // The person went back, changed what they wrote and sent the page again: that is a new
        // opinion, under an id derived from the first one and the new content (so a refresh of
        // this post is still stored once).
        if (!(err instanceof AppError && err.code === 'SUBMISSION_CONFLICT')) throw err;
        return submitOpinion(deps, round, { ...parsed.data, submissionId: editedResendId(parsed.data) });
      });
      // Post/Redirect/Get: the thanks page has its own address, to refresh, reopen or forward.
      return c.redirect(`/f/${round.id}/sent?r=${receipt}`, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.kind === 'conflict') return again(409, [], err.message);
      return notice(c, err, typed);
    }
  });

  // The thanks page, after the redirect; the receipt in its address is all it shows.
  app.get('/f/:token/sent', async (c) => {
    const round = await findRound(c.req.param('token'));
    if (!round) return notice(c, unknownLink());
    const receipt = normalizeReceipt(c.req.query('r') ?? '');
    if (!receipt) return c.redirect(`/f/${round.id}`, 303);
    c.header('cache-control', 'private, no-store');
    return c.html(
      page(<ThanksPage unitName={round.unitName} receipt={receipt} lookupPath={`/f/${round.id}/receipt`} />),
    );
  });

  // A refreshed or forwarded post address (some browsers reopen it with GET): back to the form.
  app.get('/f/:token/send', async (c) => {
    const round = await findRound(c.req.param('token'));
    return round ? c.redirect(`/f/${round.id}`, 303) : notice(c, unknownLink());
  });

  // A receipt holder looks up what became of the opinion; the round's link is all it takes.
  app.get('/f/:token/receipt', async (c) => {
    const round = await findRound(c.req.param('token'));
    if (!round) return notice(c, unknownLink());
    const typed = (c.req.query('r') ?? '').slice(0, 40);
    c.header('cache-control', 'no-store');
    if (!typed) return c.html(page(<ReceiptPage unitName={round.unitName} typed="" />));
    const receipt = normalizeReceipt(typed);
    if (!receipt) {
      return c.html(
        page(<ReceiptPage unitName={round.unitName} typed={typed} error="回执编号是8位字母和数字" />),
        400,
      );
    }
    // Guessing receipts is braked like submissions.
    if (!buckets.take(round.id)) {
      return c.html(
        page(<ReceiptPage unitName={round.unitName} typed={typed} error={tooManyRequests().message} />),
        429,
      );
    }
    const status = await receiptStatus(deps, round, receipt);
    const result = {
      found: status.found,
      ...(status.problem
        ? {
            problem: { title: status.problem.title, area: problemAreaLabels[status.problem.area] },
            measures: status.measures ?? [],
          }
        : {}),
      ...(status.evaluation ? { evaluation: status.evaluation } : {}),
      ...(status.reportState ? { reportState: status.reportState } : {}),
      ...(status.disclosureToken ? { disclosurePath: `/p/${status.disclosureToken}` } : {}),
    };
    return c.html(page(<ReceiptPage unitName={round.unitName} typed={receipt} result={result} />));
  });

  // The same as JSON (described for the API reference in ./openapi.ts).
  app.post('/api/public/rounds/:token/opinions', async (c) => {
    const token = checkParam('token', c.req.param('token'), (v) => roundTokenPattern.test(v));
    const body = await readJsonObject(c);
    const round = await roundOr404(token);
    if (!buckets.take(round.id)) throw tooManyRequests();
    const parsed = opinionInput(round).safeParse(body);
    if (!parsed.success) throw validationError(zodProblems(parsed.error));
    const { receipt, created } = await submitOpinion(deps, round, parsed.data);
    return c.json({ receipt }, created ? 201 : 200);
  });

  return app;
}
