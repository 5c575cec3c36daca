import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PublicDeps } from '../../deps';
import { materialFields } from '../../domain/public-forms';
import { editable } from '../../domain/self-analysis';
import { AppError, notFound } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { showErrorsAs } from '../../http/on-error';
import { publicUrl } from '../../http/public-url';
import { statusOf } from '../../http/status';
import {
  type MemberDesk,
  memberDesk,
  saveOwnAnalysis,
  unitAnalysesPage,
} from '../../usecases/self-analysis-desk';
import { page } from '../../views/page';
import { PublicLayout } from '../../views/public/layout';
import { type MaterialValues, MemberPage, valuesOf } from '../../views/public/member-page';
import { RoundNoticePage } from '../../views/public/notice-pages';
import { feedbackCss, OwnFeedbackSection } from '../../views/public/own-feedback';
import { PublishedAnalyses, publishedCss } from '../../views/public/published-analyses';

/** The member's page from what the link opens, filled with `values`. */
const memberPage = (
  token: string,
  desk: MemberDesk,
  fill: { values?: MaterialValues; errors?: AppError['details']; notice?: string; saved?: string },
) =>
  page(
    <MemberPage
      token={token}
      memberName={desk.member.name}
      category={desk.member.category}
      unitName={desk.unit.name}
      stage={desk.unit.stage}
      material={desk.material}
      writable={desk.unit.stage === 'appraisal' && editable(desk.material?.state)}
      prompts={desk.prompts}
      unitProblems={desk.unitProblems}
      values={fill.values ?? valuesOf(desk.material)}
      errors={fill.errors ?? []}
      notice={fill.notice}
      saved={fill.saved}
      feedback={desk.feedback}
      published={desk.published}
    />,
  );

/** A personal page is the member's alone: never cached, and its address never sent on as a referrer. */
const personal = (c: Context) => {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  showErrorsAs(c, (err) => page(<RoundNoticePage title="无法打开" message={err.message} />));
};

/** A party member's personal link (`/m/{token}`): their 党性分析, written and sent without JavaScript. */
export function memberRoutes(deps: PublicDeps) {
  const app = new Hono<AppEnv>();

  app.get('/m/:token', async (c) => {
    personal(c);
    const token = c.req.param('token');
    const saved = c.req.query('saved');
    return c.html(memberPage(token, await memberDesk(deps, token), { ...(saved ? { saved } : {}) }));
  });

  // The member's own feedback alone, to print for the talk with the organisation.
  app.get('/m/:token/feedback', async (c) => {
    personal(c);
    const token = c.req.param('token');
    const desk = await memberDesk(deps, token);
    if (!desk.feedback) throw notFound('组织评定后才有个人评议情况反馈');
    return c.html(
      page(
        <PublicLayout
          title={`${desk.member.name} 个人评议情况反馈`}
          css={`${feedbackCss}@page{size:A4;margin:15mm}`}
        >
          <h1>{desk.member.name} 个人评议情况反馈</h1>
          <p class="m">{desk.unit.name}</p>
          <OwnFeedbackSection feedback={desk.feedback} />
          <p class="m">仅供本人和党组织谈心谈话使用，不公开。用浏览器的“打印”打印。</p>
        </PublicLayout>,
      ),
    );
  });

  // The unit's approved materials, when the approver made them public to the whole unit.
  app.get('/a/:token', async (c) => {
    showErrorsAs(c, (err) => page(<RoundNoticePage title="无法打开" message={err.message} />));
    const d = await unitAnalysesPage(deps, c.req.param('token'));
    return c.html(
      page(
        <PublicLayout title={`${d.content.unitName} 党性分析材料公开`} css={publishedCss}>
          <PublishedAnalyses
            disclosure={d}
            pageUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/a/${d.token}`)}
          />
        </PublicLayout>,
      ),
    );
  });

  app.get('/api/public/analyses/:token', async (c) =>
    c.json(await unitAnalysesPage(deps, c.req.param('token'))),
  );

  app.post('/m/:token', async (c) => {
    personal(c);
    const token = c.req.param('token');
    const save = materialFields(await readForm(c, { all: true }));
    const values = save.content;
    try {
      await saveOwnAnalysis(deps, token, save);
      return c.redirect(`/m/${token}?saved=${save.submit ? 'submit' : 'draft'}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.kind !== 'invalid' && err.kind !== 'conflict')) throw err;
      const desk = await memberDesk(deps, token);
      const fill =
        err.code === 'VALIDATION_FAILED' ? { values, errors: err.details } : { values, notice: err.message };
      return c.html(memberPage(token, desk, fill), statusOf[err.kind]);
    }
  });

  return app;
}
