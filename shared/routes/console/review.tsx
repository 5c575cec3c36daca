import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { parseInput } from '../../domain/input';
import { DeterminationInput, ReviewSessionInput } from '../../domain/review';
import { validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { ownSlipMarks } from '../../usecases/counting';
import { determineAll, memberFeedback, sessionPage } from '../../usecases/review-results';
import { closeSession, openReviewSession, reviewCodes } from '../../usecases/review-session';
import { mintVoteCodes, reprintVoteCodes, revokeVoteCodes } from '../../usecases/vote-codes';
import { FeedbackSheet } from '../../views/console/feedback-sheet';
import { SessionPage } from '../../views/console/session-page';
import { page } from '../../views/page';
import { backAfter, field, numberField, requirePageContext } from './page-context';
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
    const slip = Number(c.req.query('slip')) || undefined;
    // Correcting a slip: the teller's own earlier marks filled in (and its voter group).
    const mine = slip ? await ownSlipMarks(deps, viewer.who, 'review', shown.session, slip) : undefined;
    const group = mine?.voterGroup ?? c.req.query('group');
    return c.html(
      page(
        <SessionPage
          {...viewer}
          {...shown}
          nextSlip={slip}
          slipGroup={group === 'mass' ? 'mass' : 'member'}
          slipMarks={mine?.marks}
        />,
      ),
    );
  });

  // A member's private feedback sheet, printable for the talk (console only, never published).
  app.get('/console/review-sessions/:id/members/:memberId/feedback', async (c) => {
    const id = c.req.param('id');
    const f = await memberFeedback(deps, who(c), id, c.req.param('memberId'));
    c.header('cache-control', 'private, no-store');
    return c.html(
      page(
        <FeedbackSheet
          unitName={f.session.unitName}
          countedAt={f.session.countedAt ?? ''}
          member={f.member}
          tally={f.tally}
          k={f.k}
          massUnknown={f.massUnknown}
          determination={f.determination}
          back={pagePath(id)}
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

  app.post('/console/review-sessions/:id/close', async (c) => {
    const id = c.req.param('id');
    return backAfter(c, pagePath(id), '投票已结束，请督导组指定的计票人录入纸质票', () =>
      closeSession(deps, who(c), id),
    );
  });

  // 组织评定 for the whole list, saved together; rows with no grade chosen are left as they are.
  app.post('/console/review-sessions/:id/determinations', async (c) => {
    const f = await readForm(c);
    const id = c.req.param('id');
    return backAfter(c, `${pagePath(id)}#determinations`, '已保存组织评定', async () => {
      const memberIds = Object.keys(f)
        .filter((k) => k.startsWith('grade_') && field(f, k) !== '')
        .map((k) => k.slice(6));
      const rows = memberIds.map((memberId) => ({
        memberId,
        ...parseInput(DeterminationInput, {
          grade: field(f, `grade_${memberId}`),
          reason: field(f, `reason_${memberId}`),
          ...(field(f, `version_${memberId}`) ? { version: numberField(f, `version_${memberId}`) } : {}),
        }),
      }));
      if (rows.length === 0)
        throw validationError([{ path: 'grade', message: '请至少为一名党员选择组织评定的等次' }]);
      return determineAll(deps, who(c), id, rows);
    });
  });

  return app;
}
