import { Hono } from 'hono';
import type { Deps } from '../../deps';
import { OpinionListPage } from '../../domain/opinion-list';
import { OpinionSummary } from '../../domain/opinion-summary';
import { Unit } from '../../domain/org';
import { RoundView } from '../../domain/round';
import type { AppEnv } from '../../http/env';
import { qrDataUri } from '../../usecases/qr';
import { chinaTime } from '../../views/console/format';
import { OpinionsPage } from '../../views/console/opinions-page';
import { PosterPage } from '../../views/console/poster-page';
import { page } from '../../views/page';
import { apiData, type InternalApi } from './internal-api';
import { requirePageContext } from './page-context';

/** Console pages of the opinions: the unit's opinions with their counts, and a round's printable poster. */
export function consoleOpinionRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();
  const ctx = (c: Parameters<typeof requirePageContext>[1]) => requirePageContext(deps, c);

  app.get('/console/units/:id/opinions', async (c) => {
    const viewer = ctx(c);
    const id = encodeURIComponent(c.req.param('id'));
    const unit = Unit.parse(apiData(await api(c, 'GET', `/api/units/${id}`)));
    const filters = new URLSearchParams();
    for (const key of ['problem', 'focus', 'about', 'respondent']) {
      const v = c.req.query(key);
      if (v) filters.set(key, v);
    }
    const cursor = c.req.query('cursor');
    const listPath = `/api/units/${id}/opinions?limit=50&${filters}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const list = OpinionListPage.parse(apiData(await api(c, 'GET', listPath)));
    const summary = OpinionSummary.parse(apiData(await api(c, 'GET', `/api/units/${id}/opinions/summary`)));
    return c.html(
      page(
        <OpinionsPage
          who={viewer.who}
          csrf={viewer.csrf}
          unit={unit}
          summary={summary}
          list={list}
          canMerge={viewer.who.scope.role === 'leader' || viewer.who.scope.role === 'office'}
          query={filters.toString()}
        />,
      ),
    );
  });

  app.get('/console/rounds/:id/poster', async (c) => {
    const round = RoundView.parse(
      apiData(await api(c, 'GET', `/api/rounds/${encodeURIComponent(c.req.param('id'))}`)),
    );
    const closesOn = chinaTime(round.closesAt).slice(0, 10);
    return c.html(
      page(
        <PosterPage
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
