import { Hono } from 'hono';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { AuditFilter } from '../../domain/audit';
import { parseInput } from '../../domain/input';
import { overviewSorts } from '../../domain/overview';
import type { AppEnv } from '../../http/env';
import { PageQuery } from '../../http/openapi';
import { auditTrail } from '../../usecases/audit';
import { campaignsFor } from '../../usecases/campaigns';
import { accountsPage, campaignPage, unitPage } from '../../usecases/console-pages';
import { groupOverview } from '../../usecases/overview';
import { AuditPage } from '../../views/console/audit-page';
import { CampaignPage } from '../../views/console/campaign-page';
import { GroupPage } from '../../views/console/group-page';
import { AccountsPage, CampaignsPage, PasswordPage } from '../../views/console/office-pages';
import { UnitPage } from '../../views/console/unit-page';
import { page } from '../../views/page';
import { consoleCountingRoutes } from './counting';
import { consoleEvaluationRoutes } from './evaluations';
import { consoleFormRoutes } from './forms';
import { consoleLoginRoutes } from './login';
import { consoleMechanismRoutes } from './mechanisms';
import { consoleOpinionRoutes } from './opinions';
import { pageContext, requirePageContext } from './page-context';
import { consoleRectificationRoutes } from './rectification';
import { consoleReportRoutes } from './report';
import { consoleReviewRoutes } from './review';
import { consoleSelfAnalysisRoutes } from './self-analyses';

const OverviewQuery = z.enum(overviewSorts).catch('name');

/** The console pages (`/console/...`): server-rendered, calling the use cases in-process. */
export function consoleRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.route('/', consoleLoginRoutes(deps));

  // Every other console page needs a session; without one, go to the sign-in page.
  app.use('/console/*', async (c, next) => {
    if (!pageContext(deps, c)) return c.redirect('/console/login', 303);
    await next();
  });
  const ctx = (c: Parameters<typeof pageContext>[1]) => requirePageContext(deps, c);

  app.get('/console', async (c) => {
    const viewer = ctx(c);
    const { scope } = viewer.who;
    if (scope.role === 'supervisor') return c.redirect(`/console/groups/${scope.groupId}`, 303);
    if (scope.role === 'leader') return c.redirect(`/console/units/${scope.unitId}`, 303);
    const campaigns = await campaignsFor(deps, viewer.who, { limit: 100 });
    return c.html(page(<CampaignsPage {...viewer} campaigns={campaigns.items} />));
  });

  app.get('/console/campaigns/:id', async (c) => {
    const viewer = ctx(c);
    const shown = await campaignPage(deps, viewer.who, c.req.param('id'));
    return c.html(page(<CampaignPage {...viewer} {...shown} />));
  });

  app.get('/console/groups/:id', async (c) => {
    const viewer = ctx(c);
    const sort = OverviewQuery.parse(c.req.query('sort') || undefined);
    const { group, campaign, rows, overdue } = await groupOverview(deps, viewer.who, c.req.param('id'), sort);
    return c.html(
      page(
        <GroupPage
          {...viewer}
          group={group}
          rows={rows}
          overdue={overdue}
          sort={sort}
          threshold={campaign.settings.satisfactionThreshold / 100}
        />,
      ),
    );
  });

  app.get('/console/units/:id', async (c) => {
    const viewer = ctx(c);
    const shown = await unitPage(deps, viewer.who, c.req.param('id'));
    return c.html(page(<UnitPage {...viewer} {...shown} />));
  });

  app.get('/console/accounts', async (c) => {
    const viewer = ctx(c);
    const { accounts, groups, units } = await accountsPage(deps, viewer.who);
    return c.html(page(<AccountsPage {...viewer} accounts={accounts} groups={groups} units={units} />));
  });

  app.get('/console/audit', async (c) => {
    const viewer = ctx(c);
    const cursor = c.req.query('cursor');
    const query = parseInput(PageQuery, { limit: 50, ...(cursor ? { cursor } : {}) });
    // Filters as typed in the form: empty fields mean no filter.
    const asked = Object.fromEntries(
      ['unit', 'actor', 'action', 'from', 'to'].flatMap((k) => {
        const v = c.req.query(k)?.trim();
        return v ? [[k, v]] : [];
      }),
    );
    const filter = parseInput(AuditFilter, asked);
    const trail = await auditTrail(deps, viewer.who, query, filter);
    return c.html(
      page(
        <AuditPage
          who={viewer.who}
          csrf={viewer.csrf}
          entries={trail.items}
          nextCursor={trail.nextCursor}
          unitNames={trail.unitNames}
          peopleNames={trail.peopleNames}
          filter={filter}
        />,
      ),
    );
  });

  app.get('/console/password', (c) => c.html(page(<PasswordPage {...ctx(c)} />)));

  app.route('/', consoleFormRoutes(deps));
  app.route('/', consoleOpinionRoutes(deps));
  app.route('/', consoleReviewRoutes(deps));
  app.route('/', consoleCountingRoutes(deps));
  app.route('/', consoleReportRoutes(deps));
  app.route('/', consoleRectificationRoutes(deps));
  app.route('/', consoleEvaluationRoutes(deps));
  app.route('/', consoleMechanismRoutes(deps));
  app.route('/', consoleSelfAnalysisRoutes(deps));
  return app;
}
