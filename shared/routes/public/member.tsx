import type { Context } from 'hono';
import { Hono } from 'hono';
import type { PublicDeps } from '../../deps';
import { materialFields } from '../../domain/public-forms';
import { editable } from '../../domain/self-analysis';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { showErrorsAs } from '../../http/on-error';
import { statusOf } from '../../http/status';
import { type MemberDesk, memberDesk, saveOwnAnalysis } from '../../usecases/self-analysis-desk';
import { page } from '../../views/page';
import { type MaterialValues, MemberPage, valuesOf } from '../../views/public/member-page';
import { RoundNoticePage } from '../../views/public/notice-pages';

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
