import { Hono } from 'hono';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Unit } from '../../domain/org';
import { Problem, Report } from '../../domain/report';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { publicUrl } from '../../http/public-url';
import { ReportPage } from '../../views/console/report-page';
import { page } from '../../views/page';
import type { InternalApi } from './internal-api';
import { apiData, back, field, requirePageContext } from './page-context';

/** Console pages of the analysis report: the problem list, the report and its moves. */
export function consoleReportRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();
  const unitPath = (id: string) => `/api/units/${encodeURIComponent(id)}`;
  const pagePath = (id: string) => `/console/units/${id}/report`;

  app.get('/console/units/:id/report', async (c) => {
    const viewer = requirePageContext(deps, c);
    const id = c.req.param('id');
    const unit = Unit.parse(apiData(await api(c, 'GET', unitPath(id))));
    const problems = z
      .object({ items: z.array(Problem) })
      .parse(apiData(await api(c, 'GET', `${unitPath(id)}/problems`)));
    const got = await api(c, 'GET', `${unitPath(id)}/report`);
    const report = got.ok ? Report.parse(got.body) : undefined;
    return c.html(
      page(
        <ReportPage
          {...viewer}
          unit={unit}
          problems={problems.items}
          report={report}
          publicLink={
            report?.token ? publicUrl(deps.config.PUBLIC_BASE_URL, `/p/${report.token}`) : undefined
          }
        />,
      ),
    );
  });

  // Merging opinions ticked on the opinions page into a new problem.
  app.post('/console/units/:id/problems', async (c) => {
    const f = await readForm(c, { all: true });
    const id = c.req.param('id');
    const refs = [f.ref ?? []].flat().filter((r): r is string => typeof r === 'string');
    const text = (name: string) => (typeof f[name] === 'string' ? String(f[name]).trim() : '');
    const body = { title: text('title'), area: text('area'), opinionRefs: refs };
    return back(
      c,
      pagePath(id),
      await api(c, 'POST', `${unitPath(id)}/problems`, body),
      `已归并为问题（${refs.length}条意见）`,
    );
  });

  app.post('/console/units/:id/report', async (c) => {
    const id = c.req.param('id');
    return back(c, pagePath(id), await api(c, 'POST', `${unitPath(id)}/report`), '报告已生成');
  });
  app.post('/console/units/:id/report/submit', async (c) => {
    const id = c.req.param('id');
    return back(c, pagePath(id), await api(c, 'POST', `${unitPath(id)}/report/submit`), '已报督导组');
  });
  app.post('/console/units/:id/report/approve', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const result = await api(c, 'POST', `${unitPath(id)}/report/approve`, { scope: field(f, 'scope') });
    return back(c, pagePath(id), result, '已认可，报告已公开');
  });
  app.post('/console/units/:id/report/return', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const result = await api(c, 'POST', `${unitPath(id)}/report/return`, { comment: field(f, 'comment') });
    return back(c, pagePath(id), result, '已退回');
  });
  return app;
}
