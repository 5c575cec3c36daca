import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { OpinionListQuery } from '../../domain/opinion';
import type { AppEnv } from '../../http/env';
import { opinionsPage } from '../../usecases/opinions-page';
import { qrDataUri } from '../../usecases/qr';
import { roundView } from '../../usecases/rounds';
import { chinaTime } from '../../views/console/format';
import { OpinionsPage } from '../../views/console/opinions-page';
import { PosterPage } from '../../views/console/poster-page';
import { page } from '../../views/page';
import { requirePageContext } from './page-context';

/** Console pages of the opinions: the unit's opinions with their counts, and a round's printable poster. */
export function consoleOpinionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/console/units/:id/opinions', async (c) => {
    const viewer = requirePageContext(deps, c);
    const filters = new URLSearchParams();
    for (const key of ['problem', 'focus', 'about', 'respondent']) {
      const v = c.req.query(key);
      if (v) filters.set(key, v);
    }
    const cursor = c.req.query('cursor');
    const {
      limit,
      cursor: at,
      ...chosen
    } = parseInput(OpinionListQuery, {
      limit: 50,
      ...Object.fromEntries(filters),
      ...(cursor ? { cursor } : {}),
    });
    const { unit, summary, list, problems } = await opinionsPage(
      deps,
      viewer.who,
      c.req.param('id'),
      chosen,
      {
        limit,
        cursor: at,
      },
    );
    return c.html(
      page(
        <OpinionsPage
          who={viewer.who}
          csrf={viewer.csrf}
          unit={unit}
          summary={summary}
          list={list}
          problems={problems}
          flash={viewer.flash}
          canMerge={viewer.who.scope.role === 'leader' || viewer.who.scope.role === 'office'}
          query={new URLSearchParams([...filters, ...(cursor ? [['cursor', cursor]] : [])]).toString()}
        />,
      ),
    );
  });

  app.get('/console/rounds/:id/poster', async (c) => {
    const round = await roundView(deps, principalOf(c), c.req.param('id'));
    const closesOn = chinaTime(round.closesAt).slice(0, 10);
    return c.html(
      page(
        <PosterPage
          kind="opinion"
          unitName={round.unitName}
          link={round.link}
          qrDataUri={await qrDataUri(round.link)}
          closesOn={closesOn}
        />,
      ),
    );
  });

  return app;
}
