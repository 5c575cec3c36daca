import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

const password = 'Demo-2026-xjx';

/**
 * The console pages read through use cases in-process: each must ask the
 * policy itself. A leader opens another unit's pages, a supervisor another
 * group's: every one answers 404 (as a missing one would) or 403, and shows
 * nothing of it; their own answer 200.
 */
describe('console pages keep to the caller’s scope', () => {
  let t: TestContext;
  const own = { unit: '', group: '' };
  const other = { unit: '', group: '', session: '', round: '', evaluation: '', unitName: '' };
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent' });
    await seedDemo(t.deps, 'http://x');
    const scopeOf = async (username: string) => {
      const token = await tokenFor(t, username, password);
      return { token, scope: asRecord(asRecord((await call(t, token, 'GET', '/api/auth/me')).json).scope) };
    };
    const leader1 = await scopeOf('leader1');
    own.unit = String(leader1.scope.unitId);
    own.group = String((await scopeOf('dudao1')).scope.groupId);
    // A unit of another supervision group than dudao1's (and so not leader1's), with a round and a session.
    const office = await tokenFor(t, 'office', password);
    const units = asRecord(
      (await call(t, office, 'GET', `/api/campaigns/${leader1.scope.campaignId}/units?limit=100`)).json,
    ).items as { id: string; groupId: string; name: string }[];
    const outside = units.find((u) => u.groupId !== own.group);
    expect(outside).toBeDefined();
    other.unit = outside?.id ?? '';
    other.group = outside?.groupId ?? '';
    other.unitName = outside?.name ?? '';
    const first = async (path: string) =>
      String((asRecord((await call(t, office, 'GET', path)).json).items as { id: string }[])[0]?.id ?? '');
    other.round = await first(`/api/units/${other.unit}/rounds`);
    const asked = await call(t, office, 'POST', `/api/units/${other.unit}/stage-request`, {
      note: '学习动员阶段工作已完成',
    });
    expect(asked.status).toBe(200);
    const decided = await call(t, office, 'POST', `/api/units/${other.unit}/stage-decision`, {
      approve: true,
      comment: '同意',
    });
    expect(decided.status).toBe(200);
    const opened = await call(t, office, 'POST', `/api/units/${other.unit}/review-sessions`, {
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    other.session = String(asRecord(opened.json).id ?? '');
    expect(other.round).not.toBe('');
    expect(other.session).not.toBe('');
  });

  const pagesOf = (o: typeof other) => [
    `/console/units/${o.unit}`,
    `/console/units/${o.unit}/opinions`,
    `/console/units/${o.unit}/report`,
    `/console/units/${o.unit}/measures`,
    `/console/units/${o.unit}/evaluations`,
    `/console/units/${o.unit}/mechanisms`,
    `/console/groups/${o.group}`,
    `/console/review-sessions/${o.session}`,
    `/console/rounds/${o.round}/poster`,
  ];

  for (const username of ['leader1', 'dudao1']) {
    it(`${username} gets 404 or 403 for another unit's pages, and nothing of them`, async () => {
      const browser = consoleClient(t);
      await browser.signIn(username, password);
      expect((await browser.page(`/console/units/${own.unit}`)).res.status).toBe(200);
      for (const path of pagesOf(other)) {
        const { res, html } = await browser.page(path);
        expect([403, 404], `${username} ${path}`).toContain(res.status);
        expect(html, `${username} ${path}`).not.toContain(other.unitName);
      }
    });
  }
});
