import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { MechanismInput, PracticeInput, TypicalMark } from '../../domain/mechanism';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import {
  addMechanism,
  campaignIdOfUnit,
  markTypical,
  mechanismsPage,
  submitPractice,
  typicalPage,
} from '../../usecases/mechanisms';
import { MechanismsPage } from '../../views/console/mechanisms-page';
import { TypicalPage } from '../../views/console/typical-page';
import { page } from '../../views/page';
import { backAfter, field, requirePageContext } from './page-context';

const who = principalOf;

/** Console pages of long-term mechanisms, good practice and typical experience. */
export function consoleMechanismRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const pagePath = (id: string) => `/console/units/${id}/mechanisms`;

  app.get('/console/units/:id/mechanisms', async (c) => {
    const viewer = requirePageContext(deps, c);
    const { unit, mechanisms, practices } = await mechanismsPage(deps, viewer.who, c.req.param('id'));
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
    return backAfter(c, pagePath(id), '已记录长效机制', () =>
      addMechanism(deps, who(c), id, parseInput(MechanismInput, body)),
    );
  });

  app.post('/console/units/:id/practices', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { title: field(f, 'title'), content: field(f, 'content') };
    return backAfter(c, pagePath(id), '已报送经验做法', () =>
      submitPractice(deps, who(c), id, parseInput(PracticeInput, body)),
    );
  });

  app.post('/console/units/:id/practices/:practiceId/typical', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const { typical } = parseInput(TypicalMark, { typical: field(f, 'typical') === 'true' });
    const campaignId = await campaignIdOfUnit(deps, who(c), id);
    return backAfter(
      c,
      `/console/campaigns/${campaignId}/typical`,
      typical ? '已选为典型经验' : '已取消',
      () => markTypical(deps, who(c), id, c.req.param('practiceId'), typical),
    );
  });

  app.get('/console/campaigns/:id/typical', async (c) => {
    const viewer = requirePageContext(deps, c);
    const { typical, submitted } = await typicalPage(deps, viewer.who, c.req.param('id'));
    return c.html(
      page(
        <TypicalPage {...viewer} campaignId={c.req.param('id')} typical={typical} submitted={submitted} />,
      ),
    );
  });
  return app;
}
