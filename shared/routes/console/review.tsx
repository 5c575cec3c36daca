import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import {
  ConfirmCountingInput,
  CountingSlip,
  DeterminationInput,
  PaperIssuedInput,
  ReviewSessionInput,
  TellersInput,
} from '../../domain/review';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { appointTellers, confirmCounting, enterCountingEntry } from '../../usecases/counting';
import { determine, sessionPage } from '../../usecases/review-results';
import { closeSession, openReviewSession, reviewCodes, setPaperIssued } from '../../usecases/review-session';
import { mintVoteCodes, reprintVoteCodes, revokeVoteCodes } from '../../usecases/vote-codes';
import { SessionPage } from '../../views/console/session-page';
import { page } from '../../views/page';
import { backAfter, field, numberField, requirePageContext } from './page-context';
import { readVersion } from './read-version';
import { mintAndRedirect, onwardAfter, revokeInput, slipsResponse } from './slips';

const who = principalOf;

/** Console pages of democratic review: the session page and its forms, and the printable slips. */
export function consoleReviewRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const pagePath = (id: string) => `/console/review-sessions/${id}`;

  app.post('/console/units/:id/review-sessions', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const day = field(f, 'closesOn');
    const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59+08:00` : day;
    return onwardAfter(c, `/console/units/${id}`, async () => {
      const opened = await openReviewSession(deps, who(c), id, parseInput(ReviewSessionInput, { closesAt }));
      return `${pagePath(opened.id)}?${new URLSearchParams({ ok: '已开始民主评议，请制发选票码' })}`;
    });
  });

  app.get('/console/review-sessions/:id', async (c) => {
    const viewer = requirePageContext(deps, c);
    const shown = await sessionPage(deps, viewer.who, c.req.param('id'));
    return c.html(
      page(
        <SessionPage
          {...viewer}
          {...shown}
          nextSlip={Number(c.req.query('slip')) || undefined}
          slipGroup={c.req.query('group') === 'mass' ? 'mass' : 'member'}
        />,
      ),
    );
  });

  app.post('/console/review-sessions/:id/codes', async (c) => {
    const id = c.req.param('id');
    const paths = { pageBase: pagePath(id), back: pagePath(id) };
    return mintAndRedirect(c, await readForm(c), paths, (input) =>
      mintVoteCodes(deps, who(c), reviewCodes, id, input),
    );
  });

  app.get('/console/review-sessions/:id/slips/:batchId', async (c) => {
    const id = c.req.param('id');
    const batch = await reprintVoteCodes(deps, who(c), reviewCodes, id, c.req.param('batchId'));
    return slipsResponse(c, deps, batch, {
      unitName: batch.vote.unitName,
      title: '民主评议票',
      back: pagePath(id),
    });
  });

  app.post('/console/review-sessions/:id/revoke', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '已作废', () =>
      revokeVoteCodes(deps, who(c), reviewCodes, id, revokeInput(f)),
    );
  });

  app.post('/console/review-sessions/:id/paper-issued', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { member: numberField(f, 'member'), mass: numberField(f, 'mass') };
    return backAfter(c, pagePath(id), '已保存', () =>
      setPaperIssued(deps, who(c), id, parseInput(PaperIssuedInput, body)),
    );
  });

  app.post('/console/review-sessions/:id/paper', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const grades: Record<string, string> = {};
    for (const [k, v] of Object.entries(f))
      if (k.startsWith('g_') && typeof v === 'string') grades[k.slice(2)] = v;
    const marks = { voterGroup: field(f, 'voterGroup'), grades, satisfaction: field(f, 'satisfaction') };
    // After a slip is entered the form offers the next number (same voter group); after a refusal, the same.
    const slip = Number(field(f, 'slipNo'));
    const group = field(f, 'voterGroup') === 'mass' ? 'mass' : 'member';
    const offer = (n: number, ok?: string) =>
      `${pagePath(id)}?${new URLSearchParams({ slip: String(n), group, ...(ok ? { ok } : {}) })}`;
    return onwardAfter(c, offer(Number.isInteger(slip) && slip > 0 ? slip : 1), async () => {
      const at = parseInput(CountingSlip, { slipNo: field(f, 'slipNo'), teller: field(f, 'teller') });
      await enterCountingEntry(deps, who(c), id, at, marks);
      return offer(slip + 1, `已录入第${slip}号票`);
    });
  });

  app.post('/console/review-sessions/:id/tellers', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { teller1: field(f, 'teller1'), teller2: field(f, 'teller2') };
    return backAfter(c, pagePath(id), '已指定计票人', () =>
      appointTellers(deps, who(c), id, parseInput(TellersInput, body)),
    );
  });

  app.post('/console/review-sessions/:id/count/confirm', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const unresolvedSlips = field(f, 'unresolvedSlips')
      .split(',')
      .filter(Boolean)
      .map((n) => Number(n));
    return backAfter(c, pagePath(id), '计票结束，结果已封存', async () => {
      const input = parseInput(ConfirmCountingInput, { unresolvedSlips });
      await confirmCounting(deps, who(c), id, input.unresolvedSlips);
    });
  });

  app.post('/console/review-sessions/:id/close', async (c) => {
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '投票已结束，请督导组指定的计票人录入纸质票', () =>
      closeSession(deps, who(c), id),
    );
  });

  app.post('/console/review-sessions/:id/determinations/:memberId', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    const body = { grade: field(f, 'grade'), reason: field(f, 'reason'), ...readVersion(f) };
    return backAfter(c, pagePath(id), '已记录组织评定', () =>
      determine(deps, who(c), id, c.req.param('memberId'), parseInput(DeterminationInput, body)),
    );
  });

  return app;
}
