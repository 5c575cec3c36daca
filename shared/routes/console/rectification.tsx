import { Hono } from 'hono';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Unit } from '../../domain/org';
import { Measure } from '../../domain/rectification';
import { Problem, Report } from '../../domain/report';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { RectificationPage } from '../../views/console/rectification-page';
import { page } from '../../views/page';
import { apiData, back, type InternalApi } from './internal-api';
import { field, requirePageContext } from './page-context';

/** Console pages of rectification (整改措施): the measures per problem, adding one, recording progress. */
export function consoleRectificationRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();
  const unitPath = (id: string) => `/api/units/${encodeURIComponent(id)}`;
  const pagePath = (id: string) => `/console/units/${id}/measures`;

  app.get('/console/units/:id/measures', async (c) => {
    const viewer = requirePageContext(deps, c);
    const id = c.req.param('id');
    const unit = Unit.parse(apiData(await api(c, 'GET', unitPath(id))));
    const list = <S extends z.ZodType>(item: S, body: unknown) =>
      z.object({ items: z.array(item) }).parse(body);
    const problems = list(Problem, apiData(await api(c, 'GET', `${unitPath(id)}/problems`))).items;
    const measures = list(Measure, apiData(await api(c, 'GET', `${unitPath(id)}/measures`))).items;
    const got = await api(c, 'GET', `${unitPath(id)}/report`);
    const report = got.ok ? Report.parse(got.body) : undefined;
    return c.html(
      page(
        <RectificationPage
          {...viewer}
          unit={unit}
          problems={problems}
          measures={measures}
          approved={report?.state === 'approved'}
          now={deps.now()}
        />,
      ),
    );
  });

  app.post('/console/units/:id/measures', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = {
      problemId: field(f, 'problemId'),
      action: field(f, 'action'),
      post: field(f, 'post'),
      deadline: field(f, 'deadline'),
    };
    return back(c, pagePath(id), await api(c, 'POST', `${unitPath(id)}/measures`, body), '已添加整改措施');
  });

  app.post('/console/units/:id/measures/:measureId', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const path = `${unitPath(id)}/measures/${encodeURIComponent(c.req.param('measureId'))}`;
    const body = { action: field(f, 'action'), post: field(f, 'post'), deadline: field(f, 'deadline') };
    return back(c, pagePath(id), await api(c, 'PUT', path, body), '已修改整改措施');
  });

  app.post('/console/units/:id/measures/:measureId/progress', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const path = `${unitPath(id)}/measures/${encodeURIComponent(c.req.param('measureId'))}/progress`;
    const body = { note: field(f, 'note'), state: field(f, 'state') };
    return back(c, pagePath(id), await api(c, 'POST', path, body), '已记录整改进展');
  });
  return app;
}
