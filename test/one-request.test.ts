import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { countingApp } from './support/count-commands';
import { marks, requestToken } from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

describe('the submission paths cost one DynamoDB request', () => {
  let t: TestContext;
  let formToken: string;
  let ballot: { sessionId: string; members: { id: string }[]; codes: string[] };
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    const demo = await seedDemo(t.deps, 'http://x');
    formToken = demo.lines.find((l) => l.includes('/f/'))?.match(/\/f\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
    const leader = await tokenFor(t, 'leader1', 'Demo-2026-xjx');
    const me = asRecord((await call(t, leader, 'GET', '/api/auth/me')).json);
    const unitId = String(asRecord(me.scope).unitId);
    const sessions = (await call(t, leader, 'GET', `/api/units/${unitId}/review-sessions`)).json as {
      items: { id: string; members: { id: string }[] }[];
    };
    const session = sessions.items[0];
    const minted = asRecord(
      (
        await call(t, leader, 'POST', `/api/review-sessions/${session?.id}/codes`, {
          voterGroup: 'member',
          count: 3,
          confirmExcess: true,
        })
      ).json,
    );
    ballot = {
      sessionId: session?.id ?? '',
      members: session?.members ?? [],
      codes: (minted.codes as { code: string }[]).map((c) => c.code),
    };
  });

  it('stores an opinion with a single conditional PutItem once the round is known to the instance', async () => {
    const { app, sent } = countingApp(t);
    const post = (i: number) =>
      app.request(`/api/public/rounds/${formToken}/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ submissionId: `${'Q'.repeat(21)}${i}`, opinion: `第${i}条` }),
      });
    expect((await post(1)).status).toBe(201);
    sent.length = 0;
    expect((await post(2)).status).toBe(201);
    expect(sent).toEqual(['PutCommand']);
  });

  it('casts a ballot with a single two-item transaction once the session is known to the instance', async () => {
    const { app, sent } = countingApp(t);
    const castWith = (code: string) =>
      app.request(`/api/public/review-sessions/${ballot.sessionId}/ballots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          voterGroup: 'member',
          requestToken: requestToken(),
          ...marks(ballot.members),
        }),
      });
    expect((await castWith(ballot.codes[0] ?? '')).status).toBe(201);
    sent.length = 0;
    expect((await castWith(ballot.codes[1] ?? '')).status).toBe(201);
    expect(sent).toEqual(['TransactWriteCommand']);
  });

  it('stores a link evaluation ballot with one PutItem and a code evaluation ballot with one transaction', async () => {
    const { app, sent } = countingApp(t);
    const open = async (username: string, mode: 'link' | 'codes') => {
      const token = await tokenFor(t, username, 'Demo-2026-xjx');
      const me = asRecord((await call(t, token, 'GET', '/api/auth/me')).json);
      const unitId = String(asRecord(me.scope).unitId);
      const res = await call(t, token, 'POST', `/api/units/${unitId}/evaluations`, {
        mode,
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      const e = asRecord(res.json) as { id: string; items: { measureId: string }[] };
      const codes =
        mode === 'codes'
          ? (
              asRecord(
                (
                  await call(t, token, 'POST', `/api/evaluations/${e.id}/codes`, {
                    voterGroup: 'mass',
                    count: 2,
                  })
                ).json,
              ).codes as { code: string }[]
            ).map((c) => c.code)
          : [];
      return { ...e, codes };
    };
    const answer = (e: { id: string; items: { measureId: string }[] }, code?: string) =>
      app.request(`/api/public/evaluations/${e.id}/ballots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...(code ? { code, voterGroup: 'mass' } : {}),
          requestToken: requestToken(),
          overall: 'satisfied',
          measures: Object.fromEntries(e.items.map((i) => [i.measureId, 'satisfied'])),
        }),
      });
    const link = await open('leader3', 'link');
    expect((await answer(link)).status).toBe(201);
    sent.length = 0;
    expect((await answer(link)).status).toBe(201);
    expect(sent).toEqual(['PutCommand']);
    const byCodes = await open('leader2', 'codes');
    expect((await answer(byCodes, byCodes.codes[0])).status).toBe(201);
    sent.length = 0;
    expect((await answer(byCodes, byCodes.codes[1])).status).toBe(201);
    expect(sent).toEqual(['TransactWriteCommand']);
  });
});
