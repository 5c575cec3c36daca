import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { EvaluationInput } from '../../domain/evaluation';
import { parseInput } from '../../domain/input';
import { notFound } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { ownSlipMarks } from '../../usecases/counting';
import { evaluationCodes } from '../../usecases/evaluation-codes';
import {
  closeEvaluationEarly,
  countEvaluation,
  evaluationOf,
  evaluationPage,
  evaluationsPage,
  openEvaluation,
} from '../../usecases/evaluations';
import { qrDataUri, qrSvg } from '../../usecases/qr';
import { mintVoteCodes, reprintVoteCodes, revokeVoteCodes } from '../../usecases/vote-codes';
import { EvaluationCountPage } from '../../views/console/evaluation-count-page';
import { EvaluationsPage } from '../../views/console/evaluations-page';
import { chinaTime } from '../../views/console/format';
import { PosterPage } from '../../views/console/poster-page';
import { page } from '../../views/page';
import { evaluationView } from '../evaluation-view';
import { backAfter, field, requirePageContext } from './page-context';
import { mintAndRedirect, revokeInput, slipsResponse } from './slips';

const who = principalOf;

/** Console pages of the satisfaction evaluation: the unit's evaluations and every form that acts on one. */
export function consoleEvaluationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const pagePath = (unitId: string) => `/console/units/${unitId}/evaluations`;

  app.get('/console/units/:id/evaluations', async (c) => {
    const viewer = requirePageContext(deps, c);
    const { unit, evaluations, measures, threshold } = await evaluationsPage(
      deps,
      viewer.who,
      c.req.param('id'),
    );
    const shown = await Promise.all(
      evaluations.map(async (found) => {
        const e = evaluationView(deps, found);
        return { ...e, qrSvg: e.link && e.state !== 'counted' ? await qrSvg(e.link) : undefined };
      }),
    );
    return c.html(
      page(
        <EvaluationsPage
          {...viewer}
          unit={unit}
          evaluations={shown}
          threshold={threshold}
          measures={measures}
        />,
      ),
    );
  });

  app.get('/console/evaluations/:id', async (c) => {
    const viewer = requirePageContext(deps, c);
    const shown = await evaluationPage(deps, viewer.who, c.req.param('id'));
    const slip = Number(c.req.query('slip')) || undefined;
    // Correcting a slip: the teller's own earlier marks filled in (and its voter group).
    const mine = slip
      ? await ownSlipMarks(deps, viewer.who, 'evaluation', shown.evaluation, slip)
      : undefined;
    const group = mine?.voterGroup ?? c.req.query('group');
    return c.html(
      page(
        <EvaluationCountPage
          {...viewer}
          evaluation={evaluationView(deps, shown.evaluation)}
          reconciliation={shown.reconciliation}
          nextSlip={slip}
          slipGroup={group === 'member' ? 'member' : 'mass'}
          slipMarks={mine?.marks}
        />,
      ),
    );
  });

  // An evaluation by link, as an A4 poster to put up where the masses pass (by codes there is no link to print).
  app.get('/console/evaluations/:id/poster', async (c) => {
    const e = evaluationView(deps, await evaluationOf(deps, who(c), c.req.param('id')));
    if (!e.link) throw notFound('凭选票码的测评没有公开链接，请打印测评票');
    return c.html(
      page(
        <PosterPage
          kind="evaluation"
          unitName={e.unitName}
          link={e.link}
          qrDataUri={await qrDataUri(e.link)}
          closesOn={chinaTime(e.closedEarlyAt ?? e.closesAt).slice(0, 10)}
        />,
      ),
    );
  });

  app.post('/console/units/:id/evaluations', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const day = field(f, 'closesOn');
    const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : day;
    return backAfter(c, pagePath(id), '测评已开始', () =>
      openEvaluation(deps, who(c), id, parseInput(EvaluationInput, { mode: field(f, 'mode'), closesAt })),
    );
  });

  for (const [action, done, run] of [
    ['close', '测评已结束', closeEvaluationEarly],
    ['count', '已计票，结果已封存', countEvaluation],
  ] as const) {
    app.post(`/console/evaluations/:id/${action}`, async (c) => {
      const id = c.req.param('id');
      const { unitId } = await evaluationOf(deps, who(c), id);
      return backAfter(c, pagePath(unitId), done, () => run(deps, who(c), id));
    });
  }

  app.post('/console/evaluations/:id/codes', async (c) => {
    const id = c.req.param('id');
    const { unitId } = await evaluationOf(deps, who(c), id);
    const paths = { pageBase: `/console/evaluations/${id}`, back: pagePath(unitId) };
    return mintAndRedirect(c, await readForm(c), paths, (input) =>
      mintVoteCodes(deps, who(c), evaluationCodes, id, input),
    );
  });

  app.get('/console/evaluations/:id/slips/:batchId', async (c) => {
    const batch = await reprintVoteCodes(
      deps,
      who(c),
      evaluationCodes,
      c.req.param('id'),
      c.req.param('batchId'),
    );
    return slipsResponse(c, deps, batch, {
      unitName: batch.vote.unitName,
      title: '整改满意度测评票',
      back: pagePath(batch.vote.unitId),
    });
  });

  app.post('/console/evaluations/:id/revoke', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const { unitId } = await evaluationOf(deps, who(c), id);
    return backAfter(c, pagePath(unitId), '已作废', () =>
      revokeVoteCodes(deps, who(c), evaluationCodes, id, revokeInput(f)),
    );
  });
  return app;
}
