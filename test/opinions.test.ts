import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const submissionIdIn = (html: string) => html.match(/name="submissionId" value="([^"]+)"/)?.[1] ?? '';

describe('anonymous opinion collection', () => {
  let t: TestContext;
  let f: OrgFixture;
  let token: string;

  const openRound = async (body: Record<string, unknown> = {}) => {
    const res = await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/rounds`, {
      closesAt: inADay(),
      ...body,
    });
    expect(res.status).toBe(201);
    return asRecord(res.json);
  };
  const formPost = (tok: string, fields: [string, string][], headers: Record<string, string> = {}) =>
    t.app.request(`/f/${tok}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const opinionItems = async (roundId: string) =>
    (await scanAll(t)).filter((i) => i.pk === `ROUND#${roundId}` && String(i.sk).startsWith('OPINION#'));
  const postJson = (tok: string, body: unknown) =>
    call(t, undefined, 'POST', `/api/public/rounds/${tok}/opinions`, body);

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'info' });
    f = await orgFixture(t);
    const round = await openRound();
    token = String(round.id);
  }, 60_000);

  it('gives a round an unguessable link', async () => {
    const round = await openRound();
    expect(Buffer.from(String(round.id), 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(String(round.link)).toMatch(new RegExp(`/f/${round.id}$`));
    expect(round.state).toBe('open');
  });

  it('serves a small Chinese form built from the seed, with nothing from outside', async () => {
    const res = await t.app.request(`/f/${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(Buffer.byteLength(html)).toBeLessThan(15 * 1024);
    expect(html).toContain('<html lang="zh-CN">');
    for (const label of [
      '建立和谐的劳资关系',
      '建设先进的企业文化',
      '权力观',
      '党员意识淡薄',
      '爱岗敬业',
      '悲观消极',
    ]) {
      expect(html).toContain(label);
    }
    expect(html).not.toMatch(/(src|href|action)="(https?:)?\/\//);
    expect(submissionIdIn(html)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('stores a form post once, and a retry shows the same receipt', async () => {
    const id = submissionIdIn(await (await t.app.request(`/f/${token}`)).text());
    const fields: [string, string][] = [
      ['submissionId', id],
      ['respondent', 'mass'],
      ['about', 'leadership'],
      ['about', 'work'],
      ['focus', 'laborRelations'],
      ['problems', 'discipline'],
      ['opinion', '加班费发放不及时'],
    ];
    const first = await formPost(token, fields);
    expect(first.status).toBe(200);
    const receipt = (await first.text()).match(/class="r">([0-9A-Z]{4}-[0-9A-Z]{4})</)?.[1];
    expect(receipt).toBeDefined();
    const retry = await formPost(token, fields);
    expect(retry.status).toBe(200);
    expect(await retry.text()).toContain(receipt);
    const stored = (await opinionItems(token)).filter((i) => i.sk === `OPINION#${id}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      about: ['leadership', 'work'],
      focus: ['laborRelations'],
      respondent: 'mass',
    });
  });

  it('answers the same submission id with different content with 409', async () => {
    const id = 'AAAAAAAAAAAAAAAAAAAAAA';
    expect((await postJson(token, { submissionId: id, opinion: '第一条' })).status).toBe(201);
    const again = await postJson(token, { submissionId: id, opinion: '第一条' });
    expect(again.status).toBe(200);
    const other = await postJson(token, { submissionId: id, opinion: '另一条' });
    expect(other.status).toBe(409);
    expect(asRecord(asRecord(other.json).error).code).toBe('SUBMISSION_CONFLICT');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = (await opinionItems(token)).length;
    const unknown = await postJson(token, {
      submissionId: 'BBBBBBBBBBBBBBBBBBBBBB',
      opinion: 'x',
      ip: '1.2.3.4',
    });
    expect(unknown.status).toBe(400);
    const badChoice = await postJson(token, {
      submissionId: 'BBBBBBBBBBBBBBBBBBBBBB',
      focus: ['schoolEthos'],
    });
    expect(badChoice.status).toBe(400);
    expect(JSON.stringify(badChoice.json)).toContain('focus.0');
    const empty = await postJson(token, { submissionId: 'BBBBBBBBBBBBBBBBBBBBBB' });
    expect(empty.status).toBe(400);
    const tooLong = await postJson(token, {
      submissionId: 'BBBBBBBBBBBBBBBBBBBBBB',
      opinion: '长'.repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    expect((await opinionItems(token)).length).toBe(before);
  });

  it('shows form errors in Chinese and keeps what was typed', async () => {
    const res = await formPost(token, [
      ['submissionId', 'CCCCCCCCCCCCCCCCCCCCCC'],
      ['opinion', '意见的内容要保留'],
      ['focus', 'nonsense'],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('请修改以下内容后再提交');
    expect(html).toContain('意见的内容要保留');
    expect(html).toContain('value="CCCCCCCCCCCCCCCCCCCCCC"');
  });

  it('answers an oversized body with 413 and an unknown token with 404', async () => {
    const big = await postJson(token, {
      submissionId: 'DDDDDDDDDDDDDDDDDDDDDD',
      opinion: 'x'.repeat(70_000),
    });
    expect(big.status).toBe(413);
    const unknown = await t.app.request('/f/AAAAAAAAAAAAAAAAAAAAAAAA', { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('找不到这个征求意见页面');
  });

  it('closes a round early: the page says so (410) and a late post keeps the text', async () => {
    const round = await openRound();
    const id = String(round.id);
    expect((await call(t, f.tokens.leader, 'POST', `/api/rounds/${id}/close`)).status).toBe(200);
    const page = await t.app.request(`/f/${id}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('已经结束');
    const late = await formPost(id, [
      ['submissionId', 'EEEEEEEEEEEEEEEEEEEEEE'],
      ['opinion', '晚到的意见'],
    ]);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('晚到的意见');
    expect(await opinionItems(id)).toHaveLength(0);
  });

  it('masks phone numbers, ID-card numbers and e-mail addresses before storing', async () => {
    const id = 'FFFFFFFFFFFFFFFFFFFFFF';
    const text = '有事找我 13812345678，身份证 11010519491231002X，邮箱 zhang.san@example.com';
    expect((await postJson(token, { submissionId: id, opinion: text })).status).toBe(201);
    const [stored] = (await opinionItems(token)).filter((i) => i.sk === `OPINION#${id}`);
    const kept = String(stored?.opinion);
    expect(kept).not.toMatch(/13812345678|11010519491231002X|zhang\.san@example\.com/);
    expect(kept).toContain('有事找我');
  });

  it('stores nothing identifying: no IP, user agent or precise time in any item or log line', async () => {
    const canaryIp = '198.51.100.237';
    const canaryUa = 'CanaryBrowser/7.7 (canary-ua-4242)';
    const headers = {
      'x-forwarded-for': canaryIp,
      'x-real-ip': canaryIp,
      'user-agent': canaryUa,
      cookie: 'tracking=canary-cookie-99',
    };
    const id = submissionIdIn(await (await t.app.request(`/f/${token}`, { headers })).text());
    expect(
      (
        await formPost(
          token,
          [
            ['submissionId', id],
            ['opinion', '金丝雀意见'],
          ],
          headers,
        )
      ).status,
    ).toBe(200);
    await t.app.request(`/api/public/rounds/${token}/opinions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ submissionId: 'GGGGGGGGGGGGGGGGGGGGGG', opinion: '另一条金丝雀意见' }),
    });
    const everything = JSON.stringify(await scanAll(t));
    for (const canary of [canaryIp, canaryUa, 'canary-ua-4242', 'canary-cookie-99']) {
      expect(everything).not.toContain(canary);
      expect(t.logs.join('\n')).not.toContain(canary);
    }
    expect(t.logs.join('\n')).not.toContain('金丝雀意见');
    const opinions = await opinionItems(token);
    for (const o of opinions) {
      const values = JSON.stringify(Object.values(o));
      expect(values).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(String(o.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

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
    const list = await call(
      t,
      f.tokens.leader,
      'GET',
      `/api/units/${f.ids.u1}/opinions?focus=laborRelations`,
    );
    const items = (list.json as { items: { focus: string[]; receipt?: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const o of items) {
      expect(o.focus).toContain('laborRelations');
      expect(o.receipt).toBeUndefined();
    }
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
    expect((await send(1)).status).toBe(200);
    expect((await send(2)).status).toBe(200);
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
});
