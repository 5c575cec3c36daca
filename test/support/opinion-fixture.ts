import { expect } from 'vitest';
import { keys } from '../../shared/data/keys';
import { asRecord, call } from './api';
import type { OrgFixture } from './org-fixture';
import { scanAll } from './scan';
import type { TestContext } from './test-env';

export const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
export const submissionIdIn = (html: string) => html.match(/name="submissionId" value="([^"]+)"/)?.[1] ?? '';

/** The calls opinion tests make, bound to one test context and its organisation. */
export function opinionCalls(t: () => TestContext, f: () => OrgFixture) {
  return {
    async openRound(body: Record<string, unknown> = {}) {
      const res = await call(t(), f().tokens.leader, 'POST', `/api/units/${f().ids.u1}/rounds`, {
        closesAt: inADay(),
        ...body,
      });
      expect(res.status).toBe(201);
      return asRecord(res.json);
    },
    /** Posts the form as a browser does, following the redirect to the thanks page (PRG) if one comes. */
    formPost: async (tok: string, fields: [string, string][], headers: Record<string, string> = {}) => {
      const res = await t().app.request(`/f/${tok}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
        body: new URLSearchParams(fields).toString(),
      });
      const to = res.headers.get('location');
      if (res.status !== 303 || !to?.startsWith(`/f/${tok}/sent?`)) return res;
      return t().app.request(to, { headers: { accept: 'text/html', ...headers } });
    },
    opinionItems: async (roundId: string) =>
      (await scanAll(t())).filter(
        (i) => i.pk === keys.opinion(roundId, '').pk && String(i.sk).startsWith('OPINION#'),
      ),
    postJson: (tok: string, body: unknown) =>
      call(t(), undefined, 'POST', `/api/public/rounds/${tok}/opinions`, body),
  };
}
