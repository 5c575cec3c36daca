import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { PublicDeps } from '../../deps';
import { SubmissionId } from '../../domain/opinion';
import { emptyValues, formToInput, type OpinionFormValues } from '../../domain/opinion-values';
import { roundTokenPattern, TypedReceipt } from '../../domain/public-forms';
import { problemAreaLabels } from '../../domain/report';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { readJsonObject } from '../../http/json-body';
import { showErrorsAs } from '../../http/on-error';
import { statusOf } from '../../http/status';
import type { Brakes } from '../../usecases/flood-brake';
import { opinionDesk, type UnitLinks } from '../../usecases/opinion-desk';
import { normalizeReceipt, type ReceiptStatus } from '../../usecases/receipt-status';
import { page } from '../../views/page';
import { FormPage } from '../../views/public/form-page';
import { ReceiptPage, RoundNoticePage, ThanksPage } from '../../views/public/notice-pages';
import { checkParam, oneQuery } from './params';
import { sendFromPage } from './submission';

const newSubmissionId = () => randomBytes(16).toString('base64url');

/** Why a round's page cannot be used, keeping what the person typed and the unit's disclosure link. */
const roundNotice =
  (typed?: string, links: UnitLinks = {}, roundId?: string) =>
  (err: AppError) =>
    page(
      <RoundNoticePage
        title={err.kind === 'notFound' ? '页面不存在' : '征求意见未开放'}
        message={err.message}
        typed={typed}
        {...links}
        roundId={err.kind === 'notFound' ? undefined : roundId}
      />,
    );

/** What the look-up page shows of a receipt's status. */
const shownStatus = (status: ReceiptStatus) => ({
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
});

/** The masses' side: the form page, its post, and the same as a JSON API. */
export function opinionFormRoutes(deps: PublicDeps, brakes: Brakes) {
  const desk = opinionDesk(deps, brakes);
  /** A page of the round's link: its errors are the round's notice. */
  const roundPage = (c: Context, typed?: string) => {
    showErrorsAs(c, roundNotice(typed));
    return desk.round(c.req.param('token') ?? '');
  };

  const app = new Hono<AppEnv>();

  app.get('/f/:token', async (c) => {
    showErrorsAs(c, roundNotice());
    const { round, links, closed } = await desk.formPage(c.req.param('token'));
    showErrorsAs(c, roundNotice(undefined, links, round.id));
    if (closed) throw closed;
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
          {...links}
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
    const round = await roundPage(c, typed);
    const types = Object.fromEntries(round.form.questions.map((q) => [q.id, q.type]));
    const raw = formToInput(form, types);
    const values: OpinionFormValues = { ...emptyValues, ...raw };
    // The page's own id is kept for a resend; one it could not have rendered is replaced.
    const posted = SubmissionId.safeParse(raw.submissionId);
    const submissionId = posted.success ? posted.data : newSubmissionId();
    // Post/Redirect/Get: the thanks page has its own address, to refresh, reopen or forward.
    return sendFromPage(
      c,
      () => desk.send(round, raw),
      (receipt) => `/f/${round.id}/sent?r=${receipt}`,
      ({ errors, notice }) => (
        <FormPage round={round} submissionId={submissionId} values={values} errors={errors} notice={notice} />
      ),
    );
  });

  // The thanks page, after the redirect; the receipt in its address is all it shows.
  app.get('/f/:token/sent', async (c) => {
    const round = await roundPage(c);
    const receipt = normalizeReceipt(c.req.query('r') ?? '');
    if (!receipt) return c.redirect(`/f/${round.id}`, 303);
    c.header('cache-control', 'private, no-store');
    return c.html(page(<ThanksPage unitName={round.unitName} receipt={receipt} roundId={round.id} />));
  });

  // A refreshed or forwarded post address (some browsers reopen it with GET): back to the form.
  app.get('/f/:token/send', async (c) => c.redirect(`/f/${(await roundPage(c)).id}`, 303));

  // A receipt holder looks up what became of the opinion; the round's link is all it takes.
  app.get('/f/:token/receipt', async (c) => {
    const round = await roundPage(c);
    c.header('cache-control', 'no-store');
    const asked = oneQuery(c, 'r');
    const typed = typeof asked === 'string' ? asked.slice(0, 40) : '';
    if (asked === undefined || asked === '')
      return c.html(page(<ReceiptPage unitName={round.unitName} typed="" />));
    const checked = TypedReceipt.safeParse(asked);
    const receipt = checked.success ? normalizeReceipt(checked.data) : undefined;
    const again = (err: { kind: AppError['kind']; message: string }) =>
      c.html(
        page(<ReceiptPage unitName={round.unitName} typed={typed} error={err.message} />),
        statusOf[err.kind],
      );
    if (!receipt) return again({ kind: 'invalid', message: '回执编号是8位字母和数字' });
    try {
      const status = await desk.lookUp(round, receipt);
      return c.html(
        page(<ReceiptPage unitName={round.unitName} typed={receipt} result={shownStatus(status)} />),
      );
    } catch (err) {
      // Guessing receipts is braked like submissions.
      if (err instanceof AppError && err.kind === 'tooMany') return again(err);
      throw err;
    }
  });

  // The same as JSON (described for the API reference in ./openapi.ts).
  app.post('/api/public/rounds/:token/opinions', async (c) => {
    const token = checkParam('token', c.req.param('token'), (v) => roundTokenPattern.test(v));
    const body = await readJsonObject(c);
    const { receipt, created } = await desk.submit(await desk.round(token), body);
    return c.json({ receipt }, created ? 201 : 200);
  });

  return app;
}
