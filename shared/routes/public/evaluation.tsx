import { Hono } from 'hono';
import type { PublicDeps } from '../../deps';
import {
  EvaluationPageFields,
  fieldsOf,
  lastText,
  prefixedFields,
  roundTokenPattern,
  stalePage,
  TypedCode,
} from '../../domain/public-forms';
import { type AppError, validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { readJsonObject } from '../../http/json-body';
import { showErrorsAs } from '../../http/on-error';
import { evaluationDesk, unknownEvaluation } from '../../usecases/evaluation-desk';
import type { Brakes } from '../../usecases/flood-brake';
import { normalizeReceipt } from '../../usecases/receipt-status';
import { page } from '../../views/page';
import {
  EvaluationPage,
  EvaluationThanksPage,
  type EvaluationValues,
} from '../../views/public/evaluation-page';
import { RoundNoticePage } from '../../views/public/notice-pages';
import { checkParam } from './params';
import { newRequestToken, sendFromPage } from './submission';

/** Why an evaluation cannot be answered: answered already, or anything else. */
const evaluationNotice = (err: AppError) =>
  page(<RoundNoticePage title={err.kind === 'conflict' ? '已经评价过' : '无法测评'} message={err.message} />);

/**
 * The masses' side of a satisfaction evaluation: `/e/{id}` is the page of a
 * link evaluation and the post of both kinds; an evaluation code's page is
 * reached by `/b/{code}` like any ballot code (see ./ballot.tsx).
 */
export function evaluationRoutes(deps: PublicDeps, brakes: Brakes) {
  const desk = evaluationDesk(deps, brakes);
  const app = new Hono<AppEnv>();

  app.get('/e/:id', async (c) => {
    showErrorsAs(c, evaluationNotice);
    const e = await desk.linkPage(c.req.param('id'));
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
  });

  // The thanks page after the redirect, to refresh or reopen.
  app.get('/e/:id/done', async (c) => {
    showErrorsAs(c, evaluationNotice);
    const e = await desk.evaluation(c.req.param('id'));
    const receipt = normalizeReceipt(c.req.query('r') ?? '');
    if (!receipt) throw unknownEvaluation();
    c.header('cache-control', 'private, no-store');
    return c.html(page(<EvaluationThanksPage unitName={e.unitName} receipt={receipt} />));
  });

  app.post('/e/:id', async (c) => {
    showErrorsAs(c, evaluationNotice);
    const e = await desk.evaluation(c.req.param('id'));
    const form = await readForm(c, { all: true });
    // The page's hidden fields, as the page rendered them, or nothing is read or stored.
    const hidden = EvaluationPageFields.safeParse(fieldsOf(form, ['requestToken', 'code', 'voterGroup']));
    if (!hidden.success) throw stalePage('页面已失效，请重新扫码或打开链接');
    const { requestToken, code, voterGroup } = hidden.data;
    const measures = prefixedFields(form, 'm_');
    const overall = lastText(form.overall);
    const values: EvaluationValues = { overall, measures };
    return sendFromPage(
      c,
      () => desk.cast(e, code, { requestToken, overall, measures, voterGroup }),
      (receipt) => `/e/${e.id}/done?r=${receipt}`,
      ({ errors, notice }) => (
        <EvaluationPage
          evaluation={e}
          code={code}
          voterGroup={voterGroup}
          requestToken={requestToken}
          values={values}
          errors={errors}
          notice={notice}
        />
      ),
    );
  });

  // The same as JSON (described for the API reference in ./openapi.ts).
  app.post('/api/public/evaluations/:evaluationId/ballots', async (c) => {
    const id = checkParam('evaluationId', c.req.param('evaluationId'), (v) => roundTokenPattern.test(v));
    const body = await readJsonObject(c);
    const e = await desk.evaluation(id);
    const { code: typed, ...rest } = body;
    const code = typed === undefined ? undefined : TypedCode.safeParse(typed);
    if (code && !code.success) throw validationError([{ path: 'code', message: '选票码格式不对' }]);
    return c.json(await desk.cast(e, code?.data, rest), 201);
  });

  return app;
}
