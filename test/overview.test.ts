import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword, demoUnits } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

describe('overviews for the supervision group and the office, with charts', () => {
  let t: TestContext;
  let office = '';
  let supervisor = '';
  let campaignId = '';
  let groupId = '';
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    await t.stream.drain();
    office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    supervisor = await tokenFor(t, demoAccounts.supervisor.username, demoPassword);
    const me = asRecord((await call(t, supervisor, 'GET', '/api/auth/me')).json);
    campaignId = String(asRecord(me.scope).campaignId);
    groupId = String(asRecord(me.scope).groupId);
  }, 60_000);

  it('lines up the group’s units with their opinions, report state and flags, sortable', async () => {
    const res = await call(t, supervisor, 'GET', `/api/groups/${groupId}/overview?sort=opinions`);
    expect(res.status).toBe(200);
    const rows = asRecord(res.json).items as {
      name: string;
      opinions: number;
      reportState: string | null;
      rectificationRate: number | null;
      overdueMeasures: number;
    }[];
    const third = demoUnits[demoUnits.length - 1]?.name;
    expect(rows.map((r) => r.name)).toEqual([demoUnits[1]?.name, third, demoUnits[0]?.name]);
    expect(rows[0]).toMatchObject({ opinions: 12, reportState: 'approved', rectificationRemedial: false });
    expect(rows[1]).toMatchObject({ opinions: 7, reportState: 'approved', rectificationRemedial: true });
    expect(rows[2]).toMatchObject({ opinions: 0, reportState: null, rectificationRate: null });
    // The first two are in 整改提高 and rated; each has one measure past its deadline.
    expect(rows[0]?.rectificationRate).toBeCloseTo(15 / 18, 10);
    expect(rows[1]?.rectificationRate).toBeCloseTo(5 / 11, 10);
    expect(rows.map((r) => r.overdueMeasures)).toEqual([1, 1, 0]);
    const csv = await call(t, supervisor, 'GET', `/api/groups/${groupId}/overview?format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('单位,类型,督导组,阶段');
    expect(csv.text).toContain('已认可');
  });

  it('gives the office every unit of the zone, and nobody else', async () => {
    const rows = asRecord((await call(t, office, 'GET', `/api/campaigns/${campaignId}/overview`)).json)
      .items as unknown[];
    expect(rows).toHaveLength(demoUnits.length);
    expect((await call(t, supervisor, 'GET', `/api/campaigns/${campaignId}/overview`)).status).toBe(403);
    const xlsx = await t.app.request(`/api/campaigns/${campaignId}/overview?format=xlsx`, {
      headers: { authorization: `Bearer ${office}` },
    });
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('单位');
    expect(sheet?.rowCount).toBe(demoUnits.length + 2);
    expect(book.worksheets.map((w) => w.name)).toEqual(['总览', '按单位类型', '按督导组']);
    expect(book.getWorksheet('按督导组')?.rowCount).toBe(7);
    // As Excel users expect: counts are numbers and shares percentages (SUM and sorting work), the
    // header is frozen and filterable; names stay text.
    const header = ((sheet?.getRow(2).values ?? []) as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    const line = sheet?.getRow(3);
    expect(typeof line?.getCell(column('群众意见')).value).toBe('number');
    const rated = Array.from({ length: demoUnits.length }, (_, i) =>
      sheet?.getRow(3 + i).getCell(column('整改满意率')),
    ).find((cell) => typeof cell?.value === 'number');
    expect(rated?.numFmt).toMatch(/%$/);
    expect(typeof line?.getCell(1).value).toBe('string');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet?.autoFilter).toBeTruthy();
  });

  it('draws the charts as inline SVG on the group, campaign and opinions pages', async () => {
    const b = consoleClient(t);
    await b.signIn(demoAccounts.supervisor.username, demoPassword);
    const group = await (await b.request(`/console/groups/${groupId}`)).text();
    expect(group).toContain('<svg');
    expect(group).toContain('收到的群众意见');
    const o = consoleClient(t);
    await o.signIn(demoAccounts.office.username, demoPassword);
    const campaign = await (await o.request(`/console/campaigns/${campaignId}`)).text();
    expect(campaign).toContain('全区总览');
    expect(campaign).toContain('<svg');
    const rows = asRecord((await call(t, office, 'GET', `/api/campaigns/${campaignId}/overview`)).json)
      .items as {
      unitId: string;
      opinions: number;
    }[];
    const busy = rows.find((r) => r.opinions > 0)?.unitId ?? '';
    const opinions = await (await o.request(`/console/units/${busy}/opinions`)).text();
    expect(opinions).toContain('每天收到的意见');
    expect(opinions).toContain('广大党员');
    expect(opinions.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
