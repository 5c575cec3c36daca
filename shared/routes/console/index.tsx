import { Hono } from 'hono';
import * as z from 'zod';
import { getGroup } from '../../data/repos/groups';
import type { Deps } from '../../deps';
import { Account } from '../../domain/account';
import { AuditEntry } from '../../domain/audit';
import { Campaign } from '../../domain/campaign';
import { byNumberedName } from '../../domain/chinese-order';
import { OpinionSummary } from '../../domain/opinion-summary';
import { Group, Member, Unit } from '../../domain/org';
import { overviewSorts, UnitOverview } from '../../domain/overview';
import { OverdueMeasures } from '../../domain/rectification';
import { SessionView } from '../../domain/review';
import { RoundView } from '../../domain/round';
import type { AppEnv } from '../../http/env';
import { pageOf } from '../../http/openapi';
import { CampaignPage } from '../../views/console/campaign-page';
import { GroupPage } from '../../views/console/group-page';
import { AccountsPage, AuditPage, CampaignsPage, PasswordPage } from '../../views/console/office-pages';
import { UnitPage } from '../../views/console/unit-page';
import { page } from '../../views/page';
import { consoleEvaluationRoutes } from './evaluations';
import { consoleFormRoutes } from './forms';
import { apiData, type InternalApi } from './internal-api';
import { consoleLoginRoutes } from './login';
import { consoleMechanismRoutes } from './mechanisms';
import { consoleOpinionRoutes } from './opinions';
import { pageContext, requirePageContext } from './page-context';
import { consoleRectificationRoutes } from './rectification';
import { consoleReportRoutes } from './report';
import { consoleReviewRoutes } from './review';

const pages = <S extends z.ZodType>(item: S) => pageOf(item);
const OverviewQuery = z.enum(overviewSorts).catch('name');

/** The console pages (`/console/...`): server-rendered, reading through the JSON API. */
export function consoleRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();

  app.route('/', consoleLoginRoutes(deps, api));

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
    const campaigns = pages(Campaign).parse(apiData(await api(c, 'GET', '/api/campaigns?limit=100')));
    return c.html(page(<CampaignsPage {...viewer} campaigns={campaigns.items} />));
  });

  app.get('/console/campaigns/:id', async (c) => {
    const viewer = ctx(c);
    const id = encodeURIComponent(c.req.param('id'));
    const campaign = Campaign.parse(apiData(await api(c, 'GET', `/api/campaigns/${id}`)));
    const groupsRes = await api(c, 'GET', `/api/campaigns/${id}/groups?limit=100`);
    const groups = groupsRes.ok ? pages(Group).parse(groupsRes.body).items.sort(byNumberedName) : [];
    const units = pages(Unit).parse(apiData(await api(c, 'GET', `/api/campaigns/${id}/units?limit=100`)));
    // The zone-wide overview is the office's; others get their own group's on the group page.
    const overviewRes =
      viewer.who.scope.role === 'office' ? await api(c, 'GET', `/api/campaigns/${id}/overview`) : undefined;
    const overview = overviewRes?.ok
      ? z.object({ items: z.array(UnitOverview) }).parse(overviewRes.body).items
      : undefined;
    const overdue = overview
      ? OverdueMeasures.parse(apiData(await api(c, 'GET', `/api/campaigns/${id}/overdue-measures`))).items
      : undefined;
    return c.html(
      page(
        <CampaignPage
          {...viewer}
          campaign={campaign}
          groups={groups}
          units={units.items}
          overview={overview}
          overdue={overdue}
        />,
      ),
    );
  });

  app.get('/console/groups/:id', async (c) => {
    const viewer = ctx(c);
    const group = Group.parse(
      apiData(await api(c, 'GET', `/api/groups/${encodeURIComponent(c.req.param('id'))}`)),
    );
    const sort = OverviewQuery.parse(c.req.query('sort') || undefined);
    const overview = z
      .object({ items: z.array(UnitOverview) })
      .parse(apiData(await api(c, 'GET', `/api/groups/${group.id}/overview?sort=${sort}`)));
    const campaign = Campaign.parse(apiData(await api(c, 'GET', `/api/campaigns/${group.campaignId}`)));
    const overdue = OverdueMeasures.parse(
      apiData(await api(c, 'GET', `/api/groups/${group.id}/overdue-measures`)),
    );
    return c.html(
      page(
        <GroupPage
          {...viewer}
          group={group}
          rows={overview.items}
          overdue={overdue.items}
          sort={sort}
          threshold={campaign.settings.satisfactionThreshold / 100}
        />,
      ),
    );
  });

  app.get('/console/units/:id', async (c) => {
    const viewer = ctx(c);
    const id = encodeURIComponent(c.req.param('id'));
    const unit = Unit.parse(apiData(await api(c, 'GET', `/api/units/${id}`)));
    const members = pages(Member).parse(apiData(await api(c, 'GET', `/api/units/${id}/members?limit=100`)));
    // The unit was just authorized; the name of its own supervision group is the leader's to know too.
    const groupName = (await getGroup(deps, unit.groupId))?.name ?? '';
    const rounds = pages(RoundView).parse(apiData(await api(c, 'GET', `/api/units/${id}/rounds?limit=20`)));
    const sessions = pages(SessionView).parse(
      apiData(await api(c, 'GET', `/api/units/${id}/review-sessions?limit=20`)),
    );
    const summary = OpinionSummary.parse(apiData(await api(c, 'GET', `/api/units/${id}/opinions/summary`)));
    return c.html(
      page(
        <UnitPage
          {...viewer}
          opinions={{ total: summary.total, k: summary.k }}
          unit={unit}
          groupName={groupName}
          members={members.items}
          rounds={rounds.items}
          sessions={sessions.items}
        />,
      ),
    );
  });

  app.get('/console/accounts', async (c) => {
    const viewer = ctx(c);
    const accounts = pages(Account).parse(apiData(await api(c, 'GET', '/api/accounts?limit=100')));
    const campaigns = pages(Campaign).parse(apiData(await api(c, 'GET', '/api/campaigns?limit=100'))).items;
    const groups: { id: string; label: string }[] = [];
    const units: { id: string; label: string }[] = [];
    for (const campaign of campaigns) {
      const g = pages(Group).parse(
        apiData(await api(c, 'GET', `/api/campaigns/${campaign.id}/groups?limit=100`)),
      );
      const u = pages(Unit).parse(
        apiData(await api(c, 'GET', `/api/campaigns/${campaign.id}/units?limit=100`)),
      );
      groups.push(...g.items.map((x) => ({ id: x.id, label: `${campaign.name} · ${x.name}` })));
      units.push(...u.items.map((x) => ({ id: x.id, label: `${campaign.name} · ${x.name}` })));
    }
    return c.html(page(<AccountsPage {...viewer} accounts={accounts.items} groups={groups} units={units} />));
  });

  app.get('/console/audit', async (c) => {
    const viewer = ctx(c);
    const cursor = c.req.query('cursor');
    const path = `/api/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const trail = pages(AuditEntry).parse(apiData(await api(c, 'GET', path)));
    return c.html(
      page(
        <AuditPage who={viewer.who} csrf={viewer.csrf} entries={trail.items} nextCursor={trail.nextCursor} />,
      ),
    );
  });

  app.get('/console/password', (c) => c.html(page(<PasswordPage {...ctx(c)} />)));

  app.route('/', consoleFormRoutes(api));
  app.route('/', consoleOpinionRoutes(deps, api));
  app.route('/', consoleReviewRoutes(deps, api));
  app.route('/', consoleReportRoutes(deps));
  app.route('/', consoleRectificationRoutes(deps, api));
  app.route('/', consoleEvaluationRoutes(deps, api));
  app.route('/', consoleMechanismRoutes(deps, api));
  return app;
}
