import { Hono } from 'hono';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Campaign } from '../../domain/campaign';
import { EvaluationView } from '../../domain/evaluation';
import { Unit } from '../../domain/org';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { qrSvg } from '../../usecases/qr';
import { EvaluationsPage } from '../../views/console/evaluations-page';
import { page } from '../../views/page';
import { apiData, back, type InternalApi } from './internal-api';
import { field, requirePageContext } from './page-context';
import { mintAndRedirect, slipsResponse } from './slips';

/** Console pages of the satisfaction evaluation: the unit's evaluations and every form that acts on one. */
export function consoleEvaluationRoutes(deps: Deps, api: InternalApi) {
  const app = new Hono<AppEnv>();
  const unitPath = (id: string) => `/api/units/${encodeURIComponent(id)}`;
  const evaluationPath = (id: string) => `/api/evaluations/${encodeURIComponent(id)}`;
  const pagePath = (unitId: string) => `/console/units/${unitId}/evaluations`;
  const unitOf = async (c: Parameters<InternalApi>[0], evaluationId: string) =>
    EvaluationView.parse(apiData(await api(c, 'GET', evaluationPath(evaluationId)))).unitId;

  app.get('/console/units/:id/evaluations', async (c) => {
    const viewer = requirePageContext(deps, c);
    const id = c.req.param('id');
    const unit = Unit.parse(apiData(await api(c, 'GET', unitPath(id))));
    const list = z
      .object({ items: z.array(EvaluationView) })
      .parse(apiData(await api(c, 'GET', `${unitPath(id)}/evaluations`))).items;
    const measures = z
      .object({ items: z.array(z.unknown()) })
      .parse(apiData(await api(c, 'GET', `${unitPath(id)}/measures`))).items.length;
    const campaign = Campaign.parse(apiData(await api(c, 'GET', `/api/campaigns/${unit.campaignId}`)));
    const evaluations = await Promise.all(
      list.map(async (e) => ({
        ...e,
        qrSvg: e.link && e.state !== 'counted' ? await qrSvg(e.link) : undefined,
      })),
    );
    return c.html(
      page(
        <EvaluationsPage
          {...viewer}
          unit={unit}
          evaluations={evaluations}
          threshold={campaign.settings.satisfactionThreshold}
          measures={measures}
        />,
      ),
    );
  });

  app.post('/console/units/:id/evaluations', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const day = field(f, 'closesOn');
    const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : day;
    const result = await api(c, 'POST', `${unitPath(id)}/evaluations`, { mode: field(f, 'mode'), closesAt });
    return back(c, pagePath(id), result, '测评已开始');
  });

  for (const [action, done] of [
    ['close', '测评已结束'],
    ['count', '已计票，结果已封存'],
  ] as const) {
    app.post(`/console/evaluations/:id/${action}`, async (c) => {
      const id = c.req.param('id');
      const unitId = await unitOf(c, id);
      return back(c, pagePath(unitId), await api(c, 'POST', `${evaluationPath(id)}/${action}`), done);
    });
  }

  app.post('/console/evaluations/:id/codes', async (c) => {
    const id = c.req.param('id');
    const unitId = await unitOf(c, id);
    const paths = {
      apiBase: evaluationPath(id),
      pageBase: `/console/evaluations/${id}`,
      back: pagePath(unitId),
    };
    return mintAndRedirect(c, api, await readForm(c), paths);
  });

  app.get('/console/evaluations/:id/slips/:batchId', async (c) => {
    const id = c.req.param('id');
    const e = EvaluationView.parse(apiData(await api(c, 'GET', evaluationPath(id))));
    const batch = `${evaluationPath(id)}/codes/batches/${encodeURIComponent(c.req.param('batchId'))}`;
    return slipsResponse(c, deps, api, batch, {
      unitName: e.unitName,
      title: '整改满意度测评票',
      back: pagePath(e.unitId),
    });
  });

  app.post('/console/evaluations/:id/revoke', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const unitId = await unitOf(c, id);
    const code = field(f, 'code');
    const body = code ? { code } : { voterGroup: field(f, 'voterGroup') };
    return back(
      c,
      pagePath(unitId),
      await api(c, 'POST', `${evaluationPath(id)}/codes/revoke`, body),
      '已作废',
    );
  });
  return app;
}
