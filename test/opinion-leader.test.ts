import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { opinionCalls } from './support/opinion-fixture';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { createTestContext, type TestContext } from './support/test-env';

describe('the leader’s view of opinions: form versions, list, counts, exports, QR codes', () => {
  let t: TestContext;
  let f: OrgFixture;
  let token: string;
  const { openRound, opinionItems, postJson } = opinionCalls(
    () => t,
    () => f,
  );

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'info' });
    f = await orgFixture(t);
    const round = await openRound();
    token = String(round.id);
    // Six opinions on labour relations: a group at k that the counts may show.
    for (let i = 0; i < 6; i++) {
      const sent = await postJson(token, {
        submissionId: `LEADER${String(i).padStart(16, '0')}`,
        respondent: 'mass',
        focus: ['laborRelations'],
        opinion: '加班费发放不及时',
      });
      expect(sent.status).toBe(201);
    }
  }, 60_000);

  it('versions a form that already has answers, and edits an unanswered one in place', async () => {
    const fresh = await openRound();
    const q = {
      questions: [{ id: 'canteen', type: 'single', label: '对食堂是否满意', options: ['满意', '不满意'] }],
    };
    const inPlace = await call(t, f.tokens.leader, 'PUT', `/api/rounds/${fresh.id}/form`, q);
    expect(asRecord(asRecord(inPlace.json).form).version).toBe(1);
    expect(
      (
        await postJson(String(fresh.id), {
          submissionId: 'HHHHHHHHHHHHHHHHHHHHHH',
          opinion: '有',
          answers: { canteen: '满意' },
        })
      ).status,
    ).toBe(201);
    const versioned = await call(t, f.tokens.leader, 'PUT', `/api/rounds/${fresh.id}/form`, {
      questions: [],
    });
    expect(asRecord(asRecord(versioned.json).form).version).toBe(2);
    const [stored] = await opinionItems(String(fresh.id));
    expect(stored?.formVersion).toBe(1);
  });

  it('gives the leader the opinions, filterable, and counts with small groups hidden', async () => {
    // Across the unit, 6 opinions name labour relations and 1 (another round's) does not: the
    // filter's complement is a group of 1, so the list answers with the notice instead.
    const unitWide = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions?focus=laborRelations`)).json,
    );
    expect(unitWide.items).toEqual([]);
    expect(unitWide.withheld).toBeDefined();
    const list = await call(
      t,
      f.tokens.leader,
      'GET',
      `/api/units/${f.ids.u1}/opinions?roundId=${token}&focus=laborRelations`,
    );
    const items = (list.json as { items: { focus: string[]; receipt?: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const o of items) {
      expect(o.focus).toContain('laborRelations');
      expect(o.receipt).toBeUndefined();
    }
    await t.stream.drain();
    const summary = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions/summary`)).json,
    );
    expect(summary.k).toBe(5);
    const cells = summary.respondent as { key: string; count: number | null }[];
    const visible = cells.filter((c) => c.count !== null && c.count > 0);
    for (const c of visible) expect(c.count).toBeGreaterThanOrEqual(5);
    const problems = summary.problems as { key: string; count: number | null }[];
    for (const c of problems) expect(c.count === null || c.count === 0 || c.count >= 5).toBe(true);
  });

  it('answers a filter that narrows below k with a notice, and withholds small groups’ respondent tags', async () => {
    const round = String((await openRound()).id);
    for (let i = 0; i < 2; i++) {
      const sent = await postJson(round, {
        submissionId: `SMALL${String(i).padStart(17, '0')}`,
        respondent: 'member',
        problems: ['interestView'],
        opinion: '群众观念淡薄',
      });
      expect(sent.status).toBe(201);
    }
    const narrowed = await call(
      t,
      f.tokens.leader,
      'GET',
      `/api/units/${f.ids.u1}/opinions?problem=interestView&respondent=member`,
    );
    expect(narrowed.status).toBe(200);
    expect(asRecord(narrowed.json)).toMatchObject({ items: [], total: null, withheld: { k: 5 } });
    expect(
      (await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions?problem=interestView`)).json,
    ).toMatchObject({
      items: [],
    });

    const all = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions?limit=100`)).json,
    );
    const items = all.items as { respondent?: string; respondentWithheld: boolean; opinion: string }[];
    // The two members are below k: their tag is withheld, and the untagged rows together are at least k.
    expect(items.filter((o) => o.respondent === 'member')).toEqual([]);
    const untagged = items.filter((o) => o.respondentWithheld);
    expect(untagged.length === 0 || untagged.length >= 5).toBe(true);
    expect(items.filter((o) => o.opinion === '群众观念淡薄').every((o) => o.respondentWithheld)).toBe(true);

    const csv = await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions/export?format=csv`);
    const rows = csv.text.split('\n').filter((line) => line.includes('群众观念淡薄'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.split(',')[1]).toBe('不显示');
  });

  it('exports CSV for Excel with formulas neutralised, and XLSX', async () => {
    expect(
      (await postJson(token, { submissionId: 'JJJJJJJJJJJJJJJJJJJJJJ', opinion: '=HYPERLINK("http://x")' }))
        .status,
    ).toBe(201);
    const csv = await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/opinions/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const raw = await t.app.request(`/api/units/${f.ids.u1}/opinions/export?format=csv`, {
      headers: { authorization: `Bearer ${f.tokens.leader}` },
    });
    // UTF-8 BOM, so Excel and WPS read the Chinese right.
    expect([...new Uint8Array(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.text).toContain('加班费发放不及时');
    const res = await t.app.request(`/api/units/${f.ids.u1}/opinions/export?format=xlsx`, {
      headers: { authorization: `Bearer ${f.tokens.leader}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const texts: string[] = [];
    book.getWorksheet('群众意见')?.eachRow((row) => {
      texts.push(JSON.stringify(row.values));
    });
    expect(texts.join('\n')).toContain('加班费发放不及时');
    // A summary sheet first, as the console page reads: the total, then each breakdown with shares.
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '群众意见']);
    const summary: string[] = [];
    book.getWorksheet('汇总')?.eachRow((row) => {
      summary.push((row.values as unknown[]).filter(Boolean).join(' | '));
    });
    const summaryText = summary.join('\n');
    expect(summaryText).toMatch(/收到意见 \| (\d+ 份|不足\d+份)/);
    for (const heading of ['着力点 | 人数 | 占比', '意见涉及 | 人数 | 占比', '提意见的人 | 人数 | 占比'])
      expect(summaryText).toContain(heading);
    // The same summary as CSV, for those who keep their figures in CSV.
    const summaryCsv = await call(
      t,
      f.tokens.leader,
      'GET',
      `/api/units/${f.ids.u1}/opinions/summary?format=csv`,
    );
    expect(summaryCsv.headers.get('content-type')).toMatch(/text\/csv/);
    const csvLines = summaryCsv.text.split('\r\n');
    for (const heading of ['着力点,人数,占比', '意见涉及,人数,占比', '提意见的人,人数,占比'])
      expect(csvLines).toContain(heading);
    expect(csvLines.some((l) => /^收到意见,(\d+ 份|不足\d+份)$/.test(l))).toBe(true);
  });

  it('serves the link as a QR code in SVG and PNG', async () => {
    const svg = await call(t, f.tokens.leader, 'GET', `/api/rounds/${token}/qr.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.text).toMatch(/^<svg/);
    const png = await t.app.request(`/api/rounds/${token}/qr.png`, {
      headers: { authorization: `Bearer ${f.tokens.leader}` },
    });
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
