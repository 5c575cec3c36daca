import { Hono } from 'hono';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Campaign } from '../../domain/campaign';
import { SessionView } from '../../domain/review';
import { ResultsView } from '../../domain/review-views';
import { ReconciliationView } from '../../domain/vote-count';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { SessionPage } from '../../views/console/session-page';
import { page } from '../../views/page';
import { apiData, back, type InternalApi } from './internal-api';
import { field, numberField, type pageContext, requirePageContext } from './page-context';
import { mintAndRedirect, slipsResponse } from './slips';

/** Console pages of democratic review: the session page and its forms, and the printable slips. */
export function consoleReviewRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();
  const ctx = (c: Parameters<typeof pageContext>[1]) => requirePageContext(deps, c);
  const sessionPath = (id: string) => `/api/review-sessions/${encodeURIComponent(id)}`;

  app.post('/console/units/:id/review-sessions', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const day = field(f, 'closesOn');
    const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : day;
    const result = await api(c, 'POST', `/api/units/${encodeURIComponent(id)}/review-sessions`, { closesAt });
    const opened = SessionView.safeParse(result.body);
    return back(
      c,
      opened.success ? `/console/review-sessions/${opened.data.id}` : `/console/units/${id}`,
      result,
      '已开始民主评议，请制发选票码',
    );
  });

  app.get('/console/review-sessions/:id', async (c) => {
    const viewer = ctx(c);
    const path = sessionPath(c.req.param('id'));
    const session = SessionView.parse(apiData(await api(c, 'GET', path)));
    const reconciliation = ReconciliationView.parse(apiData(await api(c, 'GET', `${path}/reconciliation`)));
    let results: ResultsView | undefined;
    let receipts: string[] | undefined;
    let threshold: number | undefined;
    if (session.countedAt) {
      const campaign = Campaign.parse(apiData(await api(c, 'GET', `/api/campaigns/${session.campaignId}`)));
      threshold = campaign.settings.satisfactionThreshold / 100;
      results = ResultsView.parse(apiData(await api(c, 'GET', `${path}/results`)));
      receipts = z
        .object({ receipts: z.array(z.string()) })
        .parse(apiData(await api(c, 'GET', `${path}/receipts`))).receipts;
    }
    return c.html(
      page(
        <SessionPage
          {...viewer}
          nextSlip={Number(c.req.query('slip')) || undefined}
          slipGroup={c.req.query('group') === 'mass' ? 'mass' : 'member'}
          session={session}
          reconciliation={reconciliation}
          results={results}
          threshold={threshold}
          receipts={receipts}
        />,
      ),
    );
  });

  app.post('/console/review-sessions/:id/codes', async (c) => {
    const id = c.req.param('id');
    const pageBase = `/console/review-sessions/${id}`;
    return mintAndRedirect(c, api, await readForm(c), { apiBase: sessionPath(id), pageBase, back: pageBase });
  });

  app.get('/console/review-sessions/:id/slips/:batchId', async (c) => {
    const id = c.req.param('id');
    const session = SessionView.parse(apiData(await api(c, 'GET', sessionPath(id))));
    const batch = `${sessionPath(id)}/codes/batches/${encodeURIComponent(c.req.param('batchId'))}`;
    return slipsResponse(c, deps, api, batch, {
      unitName: session.unitName,
      title: '民主评议票',
      back: `/console/review-sessions/${id}`,
    });
  });

  app.post('/console/review-sessions/:id/revoke', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const code = field(f, 'code');
    const body = code ? { code } : { voterGroup: field(f, 'voterGroup') };
    return back(
      c,
      `/console/review-sessions/${id}`,
      await api(c, 'POST', `${sessionPath(id)}/codes/revoke`, body),
      '已作废',
    );
  });

  app.post('/console/review-sessions/:id/paper-issued', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { member: numberField(f, 'member'), mass: numberField(f, 'mass') };
    return back(
      c,
      `/console/review-sessions/${id}`,
      await api(c, 'PUT', `${sessionPath(id)}/paper-issued`, body),
      '已保存',
    );
  });

  app.post('/console/review-sessions/:id/paper', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const grades: Record<string, string> = {};
    for (const [k, v] of Object.entries(f))
      if (k.startsWith('g_') && typeof v === 'string') grades[k.slice(2)] = v;
    const path = `${sessionPath(id)}/paper-ballots/${encodeURIComponent(field(f, 'slipNo'))}/tellers/${encodeURIComponent(field(f, 'teller'))}`;
    const body = { voterGroup: field(f, 'voterGroup'), grades, satisfaction: field(f, 'satisfaction') };
    const result = await api(c, 'PUT', path, body);
    // After a slip is entered the form offers the next number (same voter group); after a refusal, the same.
    const slip = Number(field(f, 'slipNo'));
    const next = Number.isInteger(slip) && slip > 0 ? (result.ok ? slip + 1 : slip) : 1;
    const group = field(f, 'voterGroup') === 'mass' ? 'mass' : 'member';
    return back(
      c,
      `/console/review-sessions/${id}?slip=${next}&group=${group}`,
      result,
      `已录入第${slip}号票`,
    );
  });

  app.post('/console/review-sessions/:id/tellers', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { teller1: field(f, 'teller1'), teller2: field(f, 'teller2') };
    return back(
      c,
      `/console/review-sessions/${id}`,
      await api(c, 'PUT', `${sessionPath(id)}/tellers`, body),
      '已指定计票人',
    );
  });

  app.post('/console/review-sessions/:id/count/confirm', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const unresolvedSlips = field(f, 'unresolvedSlips')
      .split(',')
      .filter(Boolean)
      .map((n) => Number(n));
    return back(
      c,
      `/console/review-sessions/${id}`,
      await api(c, 'POST', `${sessionPath(id)}/count/confirm`, { unresolvedSlips }),
      '计票结束，结果已封存',
    );
  });

  app.post('/console/review-sessions/:id/close', async (c) => {
    const id = c.req.param('id');
    return back(
      c,
      `/console/review-sessions/${id}`,
      await api(c, 'POST', `${sessionPath(id)}/close`),
      '投票已结束，请督导组指定的计票人录入纸质票',
    );
  });

  app.post('/console/review-sessions/:id/determinations/:memberId', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const path = `${sessionPath(id)}/determinations/${encodeURIComponent(c.req.param('memberId'))}`;
    const body = { grade: field(f, 'grade'), reason: field(f, 'reason') };
    return back(c, `/console/review-sessions/${id}`, await api(c, 'PUT', path, body), '已记录组织评定');
  });

  return app;
}
