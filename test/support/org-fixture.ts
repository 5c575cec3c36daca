import { addAccount, asRecord, call, tokenFor, unique } from './api';
import type { TestContext } from './test-env';

export const campaignBody = () => ({
  name: `测试活动${unique()}`,
  stages: {
    study: { start: '2026-11-01', end: '2026-11-30' },
    appraisal: { start: '2026-12-01', end: '2026-12-31' },
    rectification: { start: '2027-01-01', end: '2027-02-28' },
  },
});

export const unitBody = (groupId: string) => ({
  name: `测试单位${unique()}`,
  type: 'enterprise',
  partyOrganization: '测试党支部',
  responsibleTitle: '党支部书记',
  membersDue: 10,
  massRepresentativesDue: 20,
  groupId,
});

export const memberBody = () => ({ name: `党员${unique()}`, category: 'ordinary', probationary: false });

async function created(t: TestContext, token: string, path: string, body: unknown): Promise<string> {
  const res = await call(t, token, 'POST', path, body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
  return String(asRecord(res.json).id);
}

/**
 * Two campaigns; in campaign A two groups (G1, G2) with a unit each (U1, U2)
 * and a member each; in campaign B one group and unit. Accounts: an office
 * admin, a supervisor of G1, a leader of U1. Everything made through the API.
 */
export async function orgFixture(t: TestContext) {
  await addAccount(t, 'admin', { role: 'office' });
  await addAccount(t, 'spare', { role: 'office' });
  const office = await tokenFor(t, 'admin');
  const a = await created(t, office, '/api/campaigns', campaignBody());
  const b = await created(t, office, '/api/campaigns', campaignBody());
  const g1 = await created(t, office, `/api/campaigns/${a}/groups`, { name: '第一督导组' });
  const g2 = await created(t, office, `/api/campaigns/${a}/groups`, { name: '第二督导组' });
  const gb = await created(t, office, `/api/campaigns/${b}/groups`, { name: '第一督导组' });
  const u1 = await created(t, office, `/api/campaigns/${a}/units`, unitBody(g1));
  const u2 = await created(t, office, `/api/campaigns/${a}/units`, unitBody(g2));
  const ub = await created(t, office, `/api/campaigns/${b}/units`, unitBody(gb));
  const m1 = await created(t, office, `/api/units/${u1}/members`, memberBody());
  const m2 = await created(t, office, `/api/units/${u2}/members`, memberBody());
  const closesAt = new Date(Date.now() + 86_400_000).toISOString();
  const r1 = await created(t, office, `/api/units/${u1}/rounds`, { closesAt });
  const r2 = await created(t, office, `/api/units/${u2}/rounds`, { closesAt });
  for (const [username, body] of [
    ['sup1', { role: 'supervisor', groupId: g1 }],
    ['lead1', { role: 'leader', unitId: u1 }],
  ] as const) {
    const res = await call(t, office, 'POST', '/api/accounts', {
      username,
      displayName: username,
      password: 'Correct-Horse-9',
      ...body,
    });
    if (res.status !== 201) throw new Error(`account ${username}: ${res.status} ${res.text}`);
  }
  return {
    ids: { a, b, g1, g2, gb, u1, u2, ub, m1, m2, r1, r2 },
    tokens: { office, supervisor: await tokenFor(t, 'sup1'), leader: await tokenFor(t, 'lead1') },
  };
}
export type OrgFixture = Awaited<ReturnType<typeof orgFixture>>;
