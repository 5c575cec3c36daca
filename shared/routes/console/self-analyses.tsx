import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { materialFields } from '../../domain/public-forms';
import { isTeamAnalysisId } from '../../domain/self-analysis';
import { AppError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { publicUrl } from '../../http/public-url';
import { issueLinks, memberLinks, revokeLink } from '../../usecases/member-links';
import { publishAnalyses } from '../../usecases/publish-analyses';
import { qrSvg } from '../../usecases/qr';
import { approveSelfAnalysis, enterSelfAnalysis, returnSelfAnalysis } from '../../usecases/self-analyses';
import { selfAnalysesPage, selfAnalysisPage } from '../../usecases/self-analysis-pages';
import { MemberSlipsPage } from '../../views/console/member-slips-page';
import { SelfAnalysesPage } from '../../views/console/self-analyses-page';
import { SelfAnalysisPage } from '../../views/console/self-analysis-page';
import { page } from '../../views/page';
import { backAfter, field, requirePageContext } from './page-context';

const who = principalOf;

/** Console pages of 党性分析: the unit's list and links, one member's material, and the forms acting on them. */
export function consoleSelfAnalysisRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const listPath = (unitId: string) => `/console/units/${unitId}/self-analyses`;
  const onePath = (unitId: string, memberId: string) => `${listPath(unitId)}/${memberId}`;

  app.get('/console/units/:id/self-analyses', async (c) => {
    const viewer = requirePageContext(deps, c);
    const shown = await selfAnalysesPage(deps, viewer.who, c.req.param('id'));
    const token = shown.published?.content.scope === 'unit' ? shown.published.token : undefined;
    const publishedLink = token ? publicUrl(deps.config.PUBLIC_BASE_URL, `/a/${token}`) : undefined;
    return c.html(page(<SelfAnalysesPage {...viewer} {...shown} publishedLink={publishedLink} />));
  });

  app.get('/console/units/:id/self-analyses/:memberId', async (c) => {
    const viewer = requirePageContext(deps, c);
    const shown = await selfAnalysisPage(deps, viewer.who, c.req.param('id'), c.req.param('memberId'));
    return c.html(page(<SelfAnalysisPage {...viewer} {...shown} />));
  });

  app.get('/console/units/:id/member-links/slips', async (c) => {
    const { unit, rows } = await memberLinks(deps, who(c), c.req.param('id'));
    const slips = await Promise.all(
      rows.flatMap((r) =>
        r.token
          ? [
              qrSvg(publicUrl(deps.config.PUBLIC_BASE_URL, `/m/${r.token}`)).then((svg) => ({
                name: r.member.name,
                svg,
              })),
            ]
          : [],
      ),
    );
    c.header('cache-control', 'no-store');
    return c.html(page(<MemberSlipsPage unitName={unit.name} slips={slips} back={listPath(unit.id)} />));
  });

  app.post('/console/units/:id/member-links', async (c) => {
    const id = c.req.param('id');
    return backAfter(c, listPath(id), '已发放个人链接，请打印纸条交给本人', () =>
      issueLinks(deps, who(c), id),
    );
  });

  app.post('/console/units/:id/members/:memberId/link', async (c) => {
    const [id, memberId] = [c.req.param('id'), c.req.param('memberId')];
    return backAfter(c, `${listPath(id)}#a-${memberId}`, '已发放新链接，旧链接已作废', () =>
      issueLinks(deps, who(c), id, memberId),
    );
  });

  app.post('/console/units/:id/members/:memberId/link/revoke', async (c) => {
    const [id, memberId] = [c.req.param('id'), c.req.param('memberId')];
    return backAfter(c, `${listPath(id)}#a-${memberId}`, '链接已作废', () =>
      revokeLink(deps, who(c), id, memberId),
    );
  });

  app.post('/console/units/:id/self-analyses/publish', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, listPath(id), '已公开，并记入公示记录', () =>
      publishAnalyses(deps, who(c), id, { scope: field(f, 'scope') }),
    );
  });

  app.post('/console/units/:id/self-analyses/:memberId/approve', async (c) => {
    const [id, memberId] = [c.req.param('id'), c.req.param('memberId')];
    return backAfter(c, listPath(id), '已认可，材料内容已固定', () =>
      approveSelfAnalysis(deps, who(c), memberId),
    );
  });

  app.post('/console/units/:id/self-analyses/:memberId/return', async (c) => {
    const f = await readForm(c);
    const [id, memberId] = [c.req.param('id'), c.req.param('memberId')];
    const whoSees = isTeamAnalysisId(memberId) ? '领导班子会在报告页上看到' : '党员会在本人链接上看到';
    return backAfter(c, listPath(id), `已退回，${whoSees}意见`, () =>
      returnSelfAnalysis(deps, who(c), memberId, { comment: field(f, 'comment') }),
    );
  });

  app.post('/console/units/:id/self-analyses/:memberId/enter', async (c) => {
    const save = materialFields(await readForm(c, { all: true }));
    const [id, memberId] = [c.req.param('id'), c.req.param('memberId')];
    try {
      await enterSelfAnalysis(deps, who(c), id, memberId, save);
    } catch (err) {
      // A long text typed from paper is never lost to a missing part: the form comes back filled.
      if (!(err instanceof AppError) || err.kind !== 'invalid') {
        return backAfter(c, onePath(id, memberId), '', () => Promise.reject(err));
      }
      const viewer = requirePageContext(deps, c);
      const shown = await selfAnalysisPage(deps, viewer.who, id, memberId);
      const problems = [err.message, ...err.details.map((d) => d.message)].join('；');
      return c.html(
        page(
          <SelfAnalysisPage
            {...viewer}
            {...shown}
            flash={{ error: problems }}
            typed={{
              problems: save.content.problems,
              causes: save.content.causes,
              measures: save.content.measures,
            }}
          />,
        ),
        400,
      );
    }
    return backAfter(
      c,
      onePath(id, memberId),
      save.submit ? (isTeamAnalysisId(memberId) ? '已提交督导组' : '已代录并提交把关') : '已存为草稿',
      async () => {},
    );
  });

  return app;
}
