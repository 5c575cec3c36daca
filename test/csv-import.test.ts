import { beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { createTestContext, type TestContext } from './support/test-env';

const categories = ['党员领导干部', '普通党员', '生产一线党员', '下岗失业和生活困难党员'];

function membersCsv(rows: number, badLine?: number): string {
  const lines = ['姓名,类别,预备党员'];
  for (let i = 0; i < rows; i++) {
    const line = i + 2; // header is line 1
    lines.push(
      line === badLine
        ? `党员${i},退休党员,否`
        : `党员${i},${categories[i % 4]},${i % 10 === 0 ? '是' : '否'}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function memberCount(t: TestContext, token: string, unitId: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const res = await call(
      t,
      token,
      'GET',
      `/api/units/${unitId}/members?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const page = res.json as { items: unknown[]; nextCursor?: string };
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe('CSV import', () => {
  let t: TestContext;
  let f: OrgFixture;
  beforeAll(async () => {
    t = await createTestContext({ BODY_LIMIT_BYTES: '1000000', LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
  }, 60_000);

  const importMembers = (csv: string, unitId = f.ids.u1) =>
    call(t, f.tokens.leader, 'POST', `/api/units/${unitId}/members/import`, csv, 'text/csv');

  it('imports nothing from 1,000 members with one bad row, and names the bad line', async () => {
    const before = await memberCount(t, f.tokens.office, f.ids.u1);
    const res = await importMembers(membersCsv(1000, 734));
    expect(res.status).toBe(400);
    const details = asRecord(asRecord(res.json).error).details as { path: string; message: string }[];
    expect(details).toHaveLength(1);
    // Named as the sheet reads: the line, the column header, the allowed values in words.
    expect(details[0]?.path).toBe('第734行“类别”');
    expect(details[0]?.message).toBe(
      '应填以下之一：党员领导干部、普通党员、生产一线党员、下岗失业和生活困难党员',
    );
    expect(await memberCount(t, f.tokens.office, f.ids.u1)).toBe(before);
  });

  it('imports 1,000 good members whole, with a BOM and Chinese labels', async () => {
    const before = await memberCount(t, f.tokens.office, f.ids.u1);
    const res = await importMembers(`\uFEFF${membersCsv(1000)}`);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ imported: 1000 });
    expect(await memberCount(t, f.tokens.office, f.ids.u1)).toBe(before + 1000);
    const page = await call(t, f.tokens.office, 'GET', `/api/units/${f.ids.u1}/members?limit=100`);
    const items = (page.json as { items: { category: string; probationary: boolean }[] }).items;
    expect(new Set(items.map((m) => m.category))).toEqual(
      new Set(['leader', 'ordinary', 'frontline', 'hardship']),
    );
  }, 60_000);

  it('names a missing column', async () => {
    const res = await importMembers('姓名,预备党员\n张三,否\n');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('缺少列');
  });

  it('imports units all or nothing, resolving 督导组 by name', async () => {
    const header = '单位名称,类型,党组织,第一责任人职务,应到党员数,群众代表数,督导组';
    const bad = `${header}\n导入中学,学校,导入中学党支部,书记,三十,40,第一督导组\n导入研究所,研发机构,研究所党支部,书记,25,20,第九督导组\n`;
    const rejected = await call(
      t,
      f.tokens.office,
      'POST',
      `/api/campaigns/${f.ids.a}/units/import`,
      bad,
      'text/csv',
    );
    expect(rejected.status).toBe(400);
    const paths = (asRecord(asRecord(rejected.json).error).details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(['第2行“应到党员数”', '第3行“督导组”']);
    const listed = async () =>
      (
        (await call(t, f.tokens.office, 'GET', `/api/campaigns/${f.ids.a}/units?limit=100`)).json as {
          items: { name: string }[];
        }
      ).items.map((u) => u.name);
    expect(await listed()).not.toContain('导入中学');

    const good = `${header}\n导入中学,学校,导入中学党支部,书记,30,40,第一督导组\n导入研究所,研发机构,研究所党支部,书记,25,20,第二督导组\n`;
    const accepted = await call(
      t,
      f.tokens.office,
      'POST',
      `/api/campaigns/${f.ids.a}/units/import`,
      good,
      'text/csv',
    );
    expect(accepted.status).toBe(201);
    expect(await listed()).toEqual(expect.arrayContaining(['导入中学', '导入研究所']));
    const again = await call(
      t,
      f.tokens.office,
      'POST',
      `/api/campaigns/${f.ids.a}/units/import`,
      good,
      'text/csv',
    );
    expect(again.status).toBe(400);
  });
});
