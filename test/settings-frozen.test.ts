import { describe, expect, it } from 'vitest';
import { getCampaign } from '../shared/data/repos/campaigns';
import { asRecord, call } from './support/api';
import { inADay } from './support/opinion-fixture';
import { orgFixture } from './support/org-fixture';
import { scanAll } from './support/scan';
import { createTestContext } from './support/test-env';

const errorCode = (json: unknown) => asRecord(asRecord(json).error).code;

/**
 * The settings that anonymity and the verdicts rest on are a promise to the
 * people answering: from the first round, session or evaluation on, they no
 * longer change, by any path.
 */
describe('campaign settings frozen once people can answer', () => {
  it('takes a change before the first round, refuses lowering k after the first opinion, and says k on the form', async () => {
    const t = await createTestContext({ LOG_LEVEL: 'warn' });
    const f = await orgFixture(t);
    // Campaign B has no round yet (campaign A's fixture rounds froze it already).
    const campaign = `/api/campaigns/${f.ids.b}`;
    // Nothing opened yet: the office may still settle the rules.
    const early = await call(t, f.tokens.office, 'PATCH', campaign, { settings: { anonymityK: 6 } });
    expect(early.status, early.text).toBe(200);

    const round = asRecord(
      (await call(t, f.tokens.office, 'POST', `/api/units/${f.ids.ub}/rounds`, { closesAt: inADay() })).json,
    );
    const sent = await t.app.request(`/api/public/rounds/${round.id}/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId: 'F'.repeat(22), opinion: '食堂饭菜太贵' }),
    });
    expect(sent.status).toBe(201);

    const before = await scanAll(t);
    for (const settings of [
      { anonymityK: 2 },
      { satisfactionThreshold: 50 },
      { massUnknown: true },
      { excellentCap: 0.5 },
    ]) {
      const refused = await call(t, f.tokens.office, 'PATCH', campaign, { settings });
      expect(refused.status, JSON.stringify(settings)).toBe(409);
      expect(errorCode(refused.json)).toBe('SETTINGS_FROZEN');
    }
    expect(await scanAll(t)).toEqual(before);
    expect((await getCampaign(t.deps, f.ids.b))?.settings.anonymityK).toBe(6);

    // What is not a promise to anyone (the campaign's name) may still change.
    expect(
      (await call(t, f.tokens.office, 'PATCH', campaign, { name: '2027年度先进性教育活动' })).status,
    ).toBe(200);
    expect((await getCampaign(t.deps, f.ids.b))?.settingsFrozenAt).toBeDefined();

    // The form states the k it was opened under.
    const page = await (await t.app.request(`/f/${round.id}`)).text();
    expect(page).toContain('人数少于6人的群体不单独显示');
  }, 60_000);
});
