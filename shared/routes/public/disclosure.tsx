import { Hono } from 'hono';
import { reportByToken } from '../../data/repos/reports';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import type { AppEnv } from '../../http/env';
import { publicUrl } from '../../http/public-url';
import { publicRectification } from '../../usecases/public-rectification';
import { page } from '../../views/page';
import { DisclosurePage } from '../../views/public/disclosure-page';
import { checkParam, token22Pattern } from './params';

/** The disclosure of approved reports (适当范围公开): `/p/{token}` and its JSON. */
export function disclosureRoutes(deps: Deps) {
  const approved = async (token: string) => {
    const report = token22Pattern.test(token) ? await reportByToken(deps, token) : undefined;
    if (report?.state !== 'approved' || !report.approvedAt || !report.scope) {
      throw notFound('没有找到这份公开内容');
    }
    return {
      unitId: report.unitId,
      disclosed: {
        published: report.published,
        sha256: report.sha256,
        approvedAt: report.approvedAt,
        scope: report.scope,
      },
    };
  };
  const app = new Hono<AppEnv>();
  // The JSON (described for the API reference in ./openapi.ts).
  app.get('/api/public/disclosures/:token', async (c) => {
    const token = checkParam('token', c.req.param('token'), (v) => token22Pattern.test(v));
    return c.json((await approved(token)).disclosed, 200);
  });
  app.get('/p/:token', async (c) => {
    const token = c.req.param('token');
    const { unitId, disclosed } = await approved(token);
    c.header('cache-control', 'public, max-age=300');
    return c.html(
      page(
        <DisclosurePage
          {...disclosed}
          rectification={await publicRectification(deps, unitId)}
          jsonUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/api/public/disclosures/${token}`)}
          pageUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/p/${token}`)}
        />,
      ),
    );
  });
  return app;
}
