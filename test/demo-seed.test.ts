import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import { demoAccounts, demoPassword, demoUnits } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { entryHash } from '../shared/domain/publication-log';
import { verifyDisclosure } from '../shared/ops/verify';
import { asRecord, call, tokenFor } from './support/api';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('the demo campaign', () => {
  let t: TestContext;
  let campaignId: string;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    expect((await seedDemo(t.deps, 'http://x')).seededNow).toBe(true);
    expect((await seedDemo(t.deps, 'http://x')).seededNow).toBe(false);
    const office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const campaigns = (await call(t, office, 'GET', '/api/campaigns')).json as {
      items: { id: string; name: string }[];
    };
    expect(campaigns.items).toHaveLength(1);
    campaignId = campaigns.items[0]?.id ?? '';
  });

  const unitsFor = async (username: string) => {
    const token = await tokenFor(t, username, demoPassword);
    const res = await call(t, token, 'GET', `/api/campaigns/${campaignId}/units?limit=100`);
    return (res.json as { items: { name: string; type: string }[] }).items;
  };

  it('has six supervision groups and units of all three types', async () => {
    const office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const groups = (await call(t, office, 'GET', `/api/campaigns/${campaignId}/groups`)).json as {
      items: { name: string }[];
    };
    expect(groups.items.map((g) => g.name).sort()).toEqual(
      ['第一督导组', '第二督导组', '第三督导组', '第四督导组', '第五督导组', '第六督导组'].sort(),
    );
    const units = await unitsFor(demoAccounts.office.username);
    expect(units).toHaveLength(demoUnits.length);
    expect(new Set(units.map((u) => u.type))).toEqual(new Set(['enterprise', 'school', 'research']));
  });

  it('shows each role exactly its scope', async () => {
    expect((await unitsFor(demoAccounts.supervisor.username)).map((u) => u.name).sort()).toEqual(
      demoUnits
        .filter((u) => u.group === 0)
        .map((u) => u.name)
        .sort(),
    );
    expect((await unitsFor(demoAccounts.leader.username)).map((u) => u.name)).toEqual([demoUnits[0]?.name]);
  });

  it('gives units members in every category', async () => {
    const leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    const me = asRecord((await call(t, leader, 'GET', '/api/auth/me')).json);
    const unitId = String(asRecord(me.scope).unitId);
    const members = (await call(t, leader, 'GET', `/api/units/${unitId}/members`)).json as {
      items: { category: string }[];
    };
    expect(new Set(members.items.map((m) => m.category))).toEqual(
      new Set(['leader', 'ordinary', 'frontline', 'hardship']),
    );
  });

  it('has an approved, published report whose printed link verifies', async () => {
    const lines = (await seedDemo(t.deps, 'https://pingyi.example.cn')).lines;
    const link = lines.find((l) => l.includes('/p/'))?.match(/https:\S+/)?.[0] ?? '';
    expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
    const page = await (await t.app.request(new URL(link).pathname)).text();
    expect(page).toContain(demoUnits[1]?.name);
    expect(page).toContain('部分党员组织纪律松弛，上班迟到早退');
    const result = await verifyDisclosure(link, (url) => t.app.request(new URL(url).pathname));
    expect(result.ok).toBe(true);
    // Rectification under way: measures in several states, one past its deadline for the group to see.
    expect(page).toContain('整改落实情况');
    for (const state of ['正在整改', '已完成']) expect(page).toContain(state);
    const office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const overdue = await call(t, office, 'GET', `/api/campaigns/${campaignId}/overdue-measures`);
    const items = asRecord(overdue.json).items as { unitName: string; daysLate: number }[];
    expect(items).toEqual([
      expect.objectContaining({ unitName: demoUnits.at(-1)?.name, daysLate: 10 }),
      expect.objectContaining({ unitName: demoUnits[1]?.name, daysLate: 3 }),
    ]);
  });

  it('has a unit rated by its masses above the threshold and one its supervision group sees must 补课', async () => {
    const units = (await unitsFor(demoAccounts.supervisor.username)) as unknown as {
      id: string;
      name: string;
      stage: string;
      lastEvaluation?: { remedial: boolean; rate: number | null };
    }[];
    const [second, third] = [demoUnits[1]?.name, demoUnits.at(-1)?.name].map((n) =>
      units.find((u) => u.name === n),
    );
    expect(second).toMatchObject({ stage: 'rectification', lastEvaluation: { remedial: false } });
    expect(third).toMatchObject({ stage: 'rectification', lastEvaluation: { remedial: true } });
    const supervisor = await tokenFor(t, demoAccounts.supervisor.username, demoPassword);
    const evaluations = (await call(t, supervisor, 'GET', `/api/units/${third?.id}/evaluations`)).json as {
      items: { state: string; results: { remedial: { reason: string; shortMeasures: string[] } } }[];
    };
    expect(evaluations.items[0]?.state).toBe('counted');
    expect(evaluations.items[0]?.results.remedial.reason).toBe('below');
    expect(evaluations.items[0]?.results.remedial.shortMeasures).toHaveLength(2);
  });

  it('publishes no member by name or by count, except those determined 优秀 where the approver opted in', async () => {
    const items = await scanAll(t);
    const reports = items.filter((i) => i.sk === 'REPORT' && i.state === 'approved');
    expect(reports.length).toBeGreaterThanOrEqual(2);
    const members = items.filter((i) => String(i.sk).startsWith('MEMBER#'));
    let coversReview = false;
    for (const report of reports) {
      const published = asRecord(report.published);
      const excellent = new Set((published.excellentNames as string[] | undefined) ?? []);
      const page = await (await t.app.request(`/p/${report.token}`)).text();
      const json = await (await t.app.request(`/api/public/disclosures/${report.token}`)).text();
      for (const m of members.filter((x) => x.unitId === report.unitId)) {
        const name = String(m.name);
        if (excellent.has(name)) continue;
        expect(page, name).not.toContain(name);
        expect(json, name).not.toContain(name);
      }
      // No per-member figures of any kind: the sealed tally stays in the console.
      for (const key of ['"members":[', '"byGroup"', '"memberId"', '"excellentRate"', '"qualifiedRate"']) {
        expect(json).not.toContain(key);
      }
      const reviews = published.reviews as unknown[];
      if (reviews.length > 0) coversReview = true;
      if (excellent.size > 0) for (const name of excellent) expect(page).toContain(name);
    }
    expect(coversReview).toBe(true);
  });

  it('keeps a member’s feedback sheet in the console: the unit’s leader sees it, nobody signed out does', async () => {
    const items = await scanAll(t);
    const leader = await tokenFor(t, demoAccounts.leader2.username, demoPassword);
    const unitId = asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId;
    const session = items.find(
      (i) => String(i.pk).startsWith('SESSION#') && i.sk === 'META' && i.countedAt && i.unitId === unitId,
    );
    expect(session).toBeDefined();
    const member = ((session?.members ?? []) as { id: string; name: string }[])[0];
    const path = `/console/review-sessions/${session?.id}/members/${member?.id}/feedback`;
    const sheet = await call(t, leader, 'GET', path);
    expect(sheet.status).toBe(200);
    expect(sheet.text).toContain('个人评议情况反馈表');
    expect(sheet.text).toContain(member?.name);
    const anonymous = await t.app.request(path);
    expect([302, 303, 401]).toContain(anonymous.status);
    expect(await anonymous.text()).not.toContain(member?.name);
    const other = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    expect((await call(t, other, 'GET', path)).status).toBe(404);
  });

  it('chains its publications, and `npm run verify` names the entry that was altered, first or last', async () => {
    const lines = (await seedDemo(t.deps, 'https://pingyi.example.cn')).lines;
    const link = lines.find((l) => l.includes('/p/'))?.match(/https:\S+/)?.[0] ?? '';
    const viaApp = (url: string) => t.app.request(new URL(url).pathname);
    const json = asRecord(await (await viaApp(link.replace('/p/', '/api/public/disclosures/'))).json());
    const log = asRecord(json.log);
    const headHash = String(asRecord(log.head).hash);
    const last = Number(asRecord(log.head).seq);
    expect(last).toBeGreaterThanOrEqual(2);
    // The page shows its entry and the head, to copy down.
    const page = await (await viaApp(link)).text();
    expect(page).toContain(`公示记录第 ${log.seq} 条`);
    expect(page).toContain(headHash);
    expect((await verifyDisclosure(link, viaApp, headHash)).ok).toBe(true);

    const TableName = t.deps.tableName;
    const key = (seq: number) => keys.publicationEntry(String(log.campaignId), seq);
    const stored = async (seq: number) =>
      asRecord((await t.deps.db.send(new GetCommand({ TableName, Key: key(seq) }))).Item);
    const put = (item: Record<string, unknown>) => t.deps.db.send(new PutCommand({ TableName, Item: item }));
    const lastLine = async (head?: string) => {
      const v = await verifyDisclosure(link, viaApp, head);
      expect(v.ok).toBe(false);
      return v.lines.at(-1)?.zh ?? '';
    };
    for (const seq of [1, last]) {
      const original = await stored(seq);
      await put({ ...original, at: '2020-01-01T00:00:00.000Z' });
      expect(await lastLine()).toContain(`第${seq}条`);
      await put(original);
    }
    // Rewritten with care (the last entry's hash recomputed, the head moved along): the chain holds,
    // but the head copied from the page earlier is no longer in it.
    const original = await stored(last);
    const { pk, sk, ...entry } = original;
    const forged = { ...entry, at: '2020-01-01T00:00:00.000Z' } as Parameters<typeof entryHash>[0];
    const forgedHash = entryHash(forged);
    await put({ pk, sk, ...forged, hash: forgedHash });
    const headKey = keys.publicationHead(String(log.campaignId));
    await put({ ...headKey, seq: last, hash: forgedHash });
    expect(await lastLine(headHash)).toContain('抄下的哈希');
    await put(original);
    await put({ ...headKey, seq: last, hash: headHash });
    expect((await verifyDisclosure(link, viaApp, headHash)).ok).toBe(true);
  });
});
