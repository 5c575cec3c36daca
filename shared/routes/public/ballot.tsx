import { Hono } from 'hono';
import type { PublicDeps } from '../../deps';
import { normalizeCode } from '../../domain/ballot-code';
import {
  BallotPageFields,
  fieldsOf,
  lastText,
  prefixedFields,
  SessionId,
  stalePage,
  TypedCode,
} from '../../domain/public-forms';
import { type AppError, notFound, validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { readJsonObject } from '../../http/json-body';
import { showErrorsAs } from '../../http/on-error';
import { ballotDesk, invalidCode } from '../../usecases/ballot-desk';
import type { Brakes } from '../../usecases/flood-brake';
import { normalizeReceipt } from '../../usecases/receipt-status';
import { page } from '../../views/page';
import {
  BallotPage,
  BallotThanksPage,
  type BallotValues,
  CodeEntryPage,
} from '../../views/public/ballot-page';
import { EvaluationPage } from '../../views/public/evaluation-page';
import { RoundNoticePage } from '../../views/public/notice-pages';
import { checkParam } from './params';
import { newRequestToken, sendFromPage } from './submission';

/** Why a ballot cannot be cast: the code was used, or anything else. */
const ballotNotice = (err: AppError) =>
  page(<RoundNoticePage title={err.kind === 'conflict' ? '选票已使用' : '无法投票'} message={err.message} />);

/** The voters' side of democratic review: the ballot page, its post, and the same as JSON. */
export function ballotRoutes(deps: PublicDeps, brakes: Brakes) {
  const desk = ballotDesk(deps, brakes);
  const app = new Hono<AppEnv>();

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
    showErrorsAs(c, ballotNotice);
    const opened = await desk.codePage(c.req.param('code'));
    c.header('cache-control', 'private, no-cache');
    const { code, voterGroup } = opened;
    const requestToken = newRequestToken();
    return c.html(
      page(
        opened.kind === 'evaluation' ? (
          <EvaluationPage
            evaluation={opened.evaluation}
            code={code}
            voterGroup={voterGroup}
            requestToken={requestToken}
            values={{ measures: {} }}
            errors={[]}
          />
        ) : (
          <BallotPage
            session={opened.session}
            code={code}
            voterGroup={voterGroup}
            requestToken={requestToken}
            values={{ grades: {}, comment: '' }}
            errors={[]}
          />
        ),
      ),
    );
  });

  app.post('/b/:code/cast', async (c) => {
    showErrorsAs(c, ballotNotice);
    const form = await readForm(c, { all: true });
    const code = normalizeCode(c.req.param('code'));
    // The page's hidden fields, as the page rendered them, or nothing is read or stored.
    const hidden = BallotPageFields.safeParse(fieldsOf(form, ['sessionId', 'requestToken', 'voterGroup']));
    if (!code || !hidden.success) throw stalePage();
    const { sessionId, requestToken, voterGroup } = hidden.data;
    // The page names its session; casting checks that the code really belongs to it.
    const session = await desk.session(sessionId);
    if (!session) throw invalidCode();
    const grades = prefixedFields(form, 'g_');
    const satisfaction = lastText(form.satisfaction);
    const comment = session.comments ? lastText(form.comment) : undefined;
    const values: BallotValues = { grades, satisfaction, comment: comment ?? '' };
    // Post/Redirect/Get: the thanks page can be refreshed or reopened; its address names no code.
    return sendFromPage(
      c,
      () =>
        desk.cast(session, code, {
          requestToken,
          voterGroup,
          grades,
          satisfaction,
          ...(comment !== undefined ? { comment } : {}),
        }),
      (receipt) => `/b/done?r=${receipt}`,
      ({ errors, notice }) => (
        <BallotPage
          session={session}
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
  app.post('/api/public/review-sessions/:sessionId/ballots', async (c) => {
    const id = checkParam('sessionId', c.req.param('sessionId'), (v) => SessionId.safeParse(v).success);
    const body = await readJsonObject(c);
    const session = await desk.session(id);
    if (!session) throw notFound();
    const { code: typed, ...rest } = body;
    const code = TypedCode.safeParse(typed);
    if (!code.success) throw validationError([{ path: 'code', message: '选票码格式不对' }]);
    return c.json(await desk.cast(session, code.data, rest), 201);
  });

  return app;
}
