import { beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { opinionCalls, submissionIdIn } from './support/opinion-fixture';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('anonymous opinion collection', () => {
  let t: TestContext;
  let f: OrgFixture;
  let token: string;

  const { openRound, formPost, opinionItems, postJson } = opinionCalls(
    () => t,
    () => f,
  );

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
});
