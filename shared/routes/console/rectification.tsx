import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { MeasureChange, MeasureInput, ProgressInput } from '../../domain/rectification';
import { VersionQuery } from '../../domain/version';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { addMeasure, addProgress, changeMeasure, deleteMeasure, measuresPage } from '../../usecases/measures';
import { addMemberProgress } from '../../usecases/member-measures';
import { RectificationPage } from '../../views/console/rectification-page';
import { page } from '../../views/page';
import { backAfter, field, requirePageContext } from './page-context';
import { readVersion } from './read-version';

const who = principalOf;

/** Console pages of rectification (整改措施): the measures per problem, adding one, recording progress. */
export function consoleRectificationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const pagePath = (id: string) => `/console/units/${id}/measures`;

  app.get('/console/units/:id/measures', async (c) => {
    const viewer = requirePageContext(deps, c);
    const { unit, problems, measures, memberMeasures, approved } = await measuresPage(
      deps,
      viewer.who,
      c.req.param('id'),
    );
    return c.html(
      page(
        <RectificationPage
          {...viewer}
          unit={unit}
          problems={problems}
          measures={measures}
          memberMeasures={memberMeasures}
          approved={approved}
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
    return backAfter(c, `${pagePath(id)}#add-${body.problemId}`, '已添加整改措施', () =>
      addMeasure(deps, who(c), id, parseInput(MeasureInput, body)),
    );
  });

  app.post('/console/units/:id/measures/:measureId', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = {
      action: field(f, 'action'),
      post: field(f, 'post'),
      deadline: field(f, 'deadline'),
      ...readVersion(f),
    };
    return backAfter(c, `${pagePath(id)}#m-${c.req.param('measureId')}`, '已修改整改措施', () =>
      changeMeasure(deps, who(c), id, c.req.param('measureId'), parseInput(MeasureChange, body)),
    );
  });

  app.post('/console/units/:id/measures/:measureId/progress', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { note: field(f, 'note'), state: field(f, 'state'), ...readVersion(f) };
    return backAfter(c, `${pagePath(id)}#m-${c.req.param('measureId')}`, '已记录整改进展', () =>
      addProgress(deps, who(c), id, c.req.param('measureId'), parseInput(ProgressInput, body)),
    );
  });

  app.post('/console/units/:id/measures/:measureId/delete', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '已删除整改措施', () => {
      const { version } = parseInput(VersionQuery, readVersion(f));
      return deleteMeasure(deps, who(c), id, c.req.param('measureId'), version);
    });
  });

  app.post('/console/units/:id/member-measures/:measureId/progress', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { note: field(f, 'note'), state: field(f, 'state'), ...readVersion(f) };
    return backAfter(c, `${pagePath(id)}#mm-${c.req.param('measureId')}`, '已记录整改进展', () =>
      addMemberProgress(deps, who(c), id, c.req.param('measureId'), parseInput(ProgressInput, body)),
    );
  });
  return app;
}
