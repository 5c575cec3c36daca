import { Hono } from 'hono';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { ConfirmCountingInput, CountingSlip, PaperIssuedInput, TellersInput } from '../../domain/counting';
import { parseInput } from '../../domain/input';
import { lastText, prefixedFields } from '../../domain/public-forms';
import type { VoteKind } from '../../domain/vote';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/form';
import { appointTellers, confirmCounting, enterCountingEntry, setPaperIssued } from '../../usecases/counting';
import { backAfter, field, numberField } from './page-context';
import { onwardAfter } from './slips';

const who = principalOf;

/** The marks of a paper slip as its form posts them: `g_{member}` and satisfaction, or overall and `m_{measure}`. */
const marksOf: Record<VoteKind, (f: Record<string, unknown>) => Record<string, unknown>> = {
  review: (f) => ({ grades: prefixedFields(f, 'g_'), satisfaction: lastText(f.satisfaction) ?? '' }),
  evaluation: (f) => ({ overall: lastText(f.overall) ?? '', measures: prefixedFields(f, 'm_') }),
};

/**
 * The console's counting forms (计票), the same for every kind of vote under
 * its own page (`/console/review-sessions/{id}`, `/console/evaluations/{id}`):
 * paper slips handed out, tellers, a teller's entry of a slip, the confirmation.
 */
export function consoleCountingRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const kinds = [
    ['review', '/console/review-sessions'],
    ['evaluation', '/console/evaluations'],
  ] as const;
  for (const [kind, base] of kinds) {
    const pagePath = (id: string) => `${base}/${id}`;

    app.post(`${base}/:id/paper-issued`, async (c) => {
      const f = await readForm(c);
      const id = c.req.param('id');
      const body = { member: numberField(f, 'member'), mass: numberField(f, 'mass') };
      return backAfter(c, pagePath(id), '已保存', () =>
        setPaperIssued(deps, who(c), kind, id, parseInput(PaperIssuedInput, body)),
      );
    });

    app.post(`${base}/:id/paper`, async (c) => {
      const f = await readForm(c);
      const id = c.req.param('id');
      const marks = { voterGroup: field(f, 'voterGroup'), ...marksOf[kind](f) };
      // After a slip is entered the form offers the next number (same voter group); after a refusal, the same.
      const slip = Number(field(f, 'slipNo'));
      const group = field(f, 'voterGroup') === 'mass' ? 'mass' : 'member';
      const offer = (n: number, ok?: string) =>
        `${pagePath(id)}?${new URLSearchParams({ slip: String(n), group, ...(ok ? { ok } : {}) })}`;
      return onwardAfter(c, offer(Number.isInteger(slip) && slip > 0 ? slip : 1), async () => {
        const at = parseInput(CountingSlip, { slipNo: field(f, 'slipNo'), teller: field(f, 'teller') });
        await enterCountingEntry(deps, who(c), kind, id, at, marks);
        return offer(slip + 1, `已录入第${slip}号票`);
      });
    });

    app.post(`${base}/:id/tellers`, async (c) => {
      const f = await readForm(c);
      const id = c.req.param('id');
      const body = { teller1: field(f, 'teller1'), teller2: field(f, 'teller2') };
      return backAfter(c, pagePath(id), '已指定计票人', () =>
        appointTellers(deps, who(c), kind, id, parseInput(TellersInput, body)),
      );
    });

    app.post(`${base}/:id/count/confirm`, async (c) => {
      const f = await readForm(c);
      const id = c.req.param('id');
      const unresolvedSlips = field(f, 'unresolvedSlips')
        .split(',')
        .filter(Boolean)
        .map((n) => Number(n));
      return backAfter(c, pagePath(id), '计票结束，结果已封存', async () => {
        const input = parseInput(ConfirmCountingInput, { unresolvedSlips });
        await confirmCounting(deps, who(c), kind, id, input.unresolvedSlips);
      });
    });
  }
  return app;
}
