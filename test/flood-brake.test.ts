import { describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { inADay } from './support/opinion-fixture';
import { orgFixture } from './support/org-fixture';
import { scanAll } from './support/scan';
import { createTestContext } from './support/test-env';

describe('the flood brake', () => {
  it('answers 429 past the burst, keeps the text on the page, and stores nothing more', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn', FLOOD_BURST: '2', FLOOD_PER_SECOND: '0.1' });
    const f = await orgFixture(t);
    const round = asRecord(
      (await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/rounds`, { closesAt: inADay() })).json,
    );
    const send = (i: number) =>
      t.app.request(`/f/${round.id}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          submissionId: `${'K'.repeat(21)}${i}`,
          opinion: `第${i}条意见`,
        }).toString(),
      });
    expect((await send(1)).status).toBe(303);
    expect((await send(2)).status).toBe(303);
    const braked = await send(3);
    expect(braked.status).toBe(429);
    const html = await braked.text();
    expect(html).toContain('请稍后再试');
    expect(html).toContain('第3条意见');
    const stored = (await scanAll(t)).filter(
      (i) => i.pk === `ROUND#${round.id}` && String(i.sk).startsWith('OPINION#'),
    );
    expect(stored).toHaveLength(2);
  }, 60_000);

  it('keeps receipt look-ups on their own budget: a burst of guesses leaves a genuine opinion accepted', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn', FLOOD_BURST: '2', FLOOD_PER_SECOND: '0.1' });
    const f = await orgFixture(t);
    const round = asRecord(
      (await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/rounds`, { closesAt: inADay() })).json,
    );
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const guess = `ABCD${String(1000 + i)}`;
      statuses.push((await t.app.request(`/f/${round.id}/receipt?r=${guess}`)).status);
    }
    // The guesses are braked: after the burst of 2, every further guess answers 429.
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2).every((s) => s === 429)).toBe(true);
    const sent = await t.app.request(`/f/${round.id}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ submissionId: 'G'.repeat(22), opinion: '真实的意见' }).toString(),
    });
    expect(sent.status).toBe(303);
    const stored = (await scanAll(t)).filter(
      (i) => i.pk === `ROUND#${round.id}` && String(i.sk).startsWith('OPINION#'),
    );
    expect(stored).toHaveLength(1);
  }, 60_000);
});
