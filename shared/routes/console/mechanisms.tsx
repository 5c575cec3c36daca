import { Hono } from 'hono';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Mechanism, Practice } from '../../domain/mechanism';
import { Unit } from '../../domain/org';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { MechanismsPage } from '../../views/console/mechanisms-page';
import { TypicalPage } from '../../views/console/typical-page';
import { page } from '../../views/page';
import { apiData, back, type InternalApi } from './internal-api';
import { field, requirePageContext } from './page-context';

/** Console pages of long-term mechanisms, good practice and typical experience. */
export function consoleMechanismRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();
  const unitPath = (id: string) => `/api/units/${encodeURIComponent(id)}`;
  const pagePath = (id: string) => `/console/units/${id}/mechanisms`;
  const items = <S extends z.ZodType>(s: S, body: unknown) =>
    z.object({ items: z.array(s) }).parse(body).items;

  app.get('/console/units/:id/mechanisms', async (c) => {
    const viewer = requirePageContext(deps, c);
    const id = c.req.param('id');
    const unit = Unit.parse(apiData(await api(c, 'GET', unitPath(id))));
    const mechanisms = items(Mechanism, apiData(await api(c, 'GET', `${unitPath(id)}/mechanisms`)));
    const practices = items(Practice, apiData(await api(c, 'GET', `${unitPath(id)}/practices`)));
    return c.html(
      page(<MechanismsPage {...viewer} unit={unit} mechanisms={mechanisms} practices={practices} />),
    );
  });

  app.post('/console/units/:id/mechanisms', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = {
      kind: field(f, 'kind'),
      title: field(f, 'title'),
      content: field(f, 'content'),
      adoptedOn: field(f, 'adoptedOn'),
    };
    return back(c, pagePath(id), await api(c, 'POST', `${unitPath(id)}/mechanisms`, body), '已记录长效机制');
  });

  app.post('/console/units/:id/practices', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { title: field(f, 'title'), content: field(f, 'content') };
    return back(c, pagePath(id), await api(c, 'POST', `${unitPath(id)}/practices`, body), '已报送经验做法');
  });

  app.post('/console/units/:id/practices/:practiceId/typical', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const typical = field(f, 'typical') === 'true';
    const path = `${unitPath(id)}/practices/${encodeURIComponent(c.req.param('practiceId'))}/typical`;
    const result = await api(c, 'POST', path, { typical });
    const unit = Unit.parse(apiData(await api(c, 'GET', unitPath(id))));
    return back(
      c,
      `/console/campaigns/${unit.campaignId}/typical`,
      result,
      typical ? '已选为典型经验' : '已取消',
    );
  });

  app.get('/console/campaigns/:id/typical', async (c) => {
    const viewer = requirePageContext(deps, c);
    const id = encodeURIComponent(c.req.param('id'));
    const typical = items(Practice, apiData(await api(c, 'GET', `/api/campaigns/${id}/typical-practices`)));
    const all =
      viewer.who.scope.role === 'office' ? await api(c, 'GET', `/api/campaigns/${id}/practices`) : undefined;
    const submitted = all ? items(Practice, apiData(all)) : undefined;
    return c.html(
      page(
        <TypicalPage {...viewer} campaignId={c.req.param('id')} typical={typical} submitted={submitted} />,
      ),
    );
  });
  return app;
}
