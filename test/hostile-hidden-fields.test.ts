import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * Every hidden field of every public form, replaced by what no page of ours
 * renders: refused with a 400 Chinese page before anything is read by it or
 * stored, never a 500 (a 5,000-character session id once reached DynamoDB
 * from the ballot form and failed there).
 */
type Fields = [string, string][];

const hostile: { label: string; apply: (fields: Fields, name: string) => Fields }[] = [
  ...(
    [
      ['5,000 characters', 'x'.repeat(5000)],
      ['empty', ''],
      ['a path', '../'],
      ['a longer path', '../../etc/passwd'],
      ['unicode', '选票😀\u202e\u0000'],
      ['odd characters', 'A B%00<script>'],
    ] as const
  ).map(([label, value]) => ({
    label,
    apply: (fields: Fields, name: string): Fields => fields.map(([k, v]) => [k, k === name ? value : v]),
  })),
  {
    label: 'sent twice',
    apply: (fields, name) => [...fields, ...fields.filter(([k]) => k === name)],
  },
  {
    label: 'sent as an array',
    apply: (fields, name) => fields.map(([k, v]) => [k === name ? `${name}[]` : k, v]),
  },
  { label: 'left out', apply: (fields, name) => fields.filter(([k]) => k !== name) },
];

const hiddenOf = (html: string): Fields =>
  [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
const radiosOf = (html: string, prefix: string) => [
  ...new Set([...html.matchAll(new RegExp(`name="(${prefix}[^"]+)"`, 'g'))].map((m) => m[1] ?? '')),
];

describe('hostile hidden fields on the public forms', () => {
  let t: TestContext;
  let round = '';
  let reviewCode = '';
  let linkEvaluation = '';
  let evaluationCode = '';
  const stored = async () => {
    const items = await scanAll(t);
    return {
      opinions: items.filter((i) => String(i.sk).startsWith('OPINION#')).length,
      ballots: items.filter((i) => String(i.sk).startsWith('BALLOT#')).length,
    };
  };
  const post = (path: string, fields: Fields) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(fields).toString(),
    });
  const page = async (path: string) => {
    const res = await t.app.request(path, { headers: { accept: 'text/html' } });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  /** Posts the form with each hidden field made hostile in each way: 400, a Chinese page, nothing stored. */
  async function refusesEveryHostileHiddenField(action: string, form: Fields, names: string[]) {
    const before = await stored();
    for (const name of names) {
      for (const h of hostile) {
        const label = `${action} ${name} ${h.label}`;
        const res = await post(action, h.apply(form, name));
        expect(res.status, label).toBe(400);
        expect(res.headers.get('content-type'), label).toMatch(/text\/html/);
        const html = await res.text();
        expect(html, label).toContain('<html lang="zh-CN">');
        expect(html, label).toMatch(/<h1>[^<]*[\u4e00-\u9fff]/);
      }
    }
    expect(await stored()).toEqual(before);
  }
  /** The untouched form is accepted: the refusals above came from the hidden fields alone. */
  async function acceptsTheFormAsRendered(action: string, form: Fields, what: 'opinions' | 'ballots') {
    const before = await stored();
    const res = await post(action, form);
    expect(res.status, action).toBe(303);
    expect((await stored())[what]).toBe(before[what] + 1);
  }

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent', FLOOD_BURST: '100000' });
    const demo = await seedDemo(t.deps, 'http://x');
    round = demo.lines.find((l) => l.includes('/f/'))?.match(/\/f\/([\w-]+)/)?.[1] ?? '';
    reviewCode = demo.ballotLinks[0]?.match(/\/b\/([\w-]+)/)?.[1] ?? '';
    const open = async (username: string, mode: 'link' | 'codes') => {
      const token = await tokenFor(t, username, demoPassword);
      const unitId = String(
        asRecord(asRecord((await call(t, token, 'GET', '/api/auth/me')).json).scope).unitId,
      );
      const body = { mode, closesAt: new Date(Date.now() + 86_400_000).toISOString() };
      const opened = await call(t, token, 'POST', `/api/units/${unitId}/evaluations`, body);
      expect(opened.status, username).toBe(201);
      const id = String(asRecord(opened.json).id);
      if (mode === 'link') return id;
      const minted = await call(t, token, 'POST', `/api/evaluations/${id}/codes`, {
        voterGroup: 'mass',
        count: 1,
      });
      return String((asRecord(minted.json).codes as { code: string }[])[0]?.code);
    };
    linkEvaluation = await open('leader3', 'link');
    evaluationCode = await open('leader2', 'codes');
    expect([round, reviewCode, linkEvaluation, evaluationCode].every(Boolean)).toBe(true);
  }, 120_000);

  it('the opinion form (/f): submissionId', async () => {
    const html = await page(`/f/${round}`);
    const form: Fields = [...hiddenOf(html), ['opinion', '隐藏字段之外的正常意见']];
    expect(form.map(([k]) => k)).toContain('submissionId');
    await refusesEveryHostileHiddenField(`/f/${round}/send`, form, ['submissionId']);
    await acceptsTheFormAsRendered(`/f/${round}/send`, form, 'opinions');
  }, 60_000);

  it('the review ballot (/b): sessionId, requestToken, voterGroup', async () => {
    const html = await page(`/b/${reviewCode}`);
    const hidden = hiddenOf(html);
    expect(hidden.map(([k]) => k).sort()).toEqual(['requestToken', 'sessionId', 'voterGroup']);
    const form: Fields = [
      ...hidden,
      ...radiosOf(html, 'g_').map((n): [string, string] => [n, 'competent']),
      ['satisfaction', 'satisfied'],
    ];
    await refusesEveryHostileHiddenField(`/b/${reviewCode}/cast`, form, [
      'sessionId',
      'requestToken',
      'voterGroup',
    ]);
    // The code was not spent by any of them.
    await page(`/b/${reviewCode}`);
    await acceptsTheFormAsRendered(`/b/${reviewCode}/cast`, form, 'ballots');
  }, 60_000);

  it('the evaluation by code (/e, reached by /b): requestToken, code, voterGroup', async () => {
    const html = await page(`/b/${evaluationCode}`);
    const hidden = hiddenOf(html);
    expect(hidden.map(([k]) => k).sort()).toEqual(['code', 'requestToken', 'voterGroup']);
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1] ?? '';
    expect(action).toMatch(/^\/e\//);
    const form: Fields = [
      ...hidden,
      ...radiosOf(html, 'm_').map((n): [string, string] => [n, 'satisfied']),
      ['overall', 'satisfied'],
    ];
    await refusesEveryHostileHiddenField(action, form, ['requestToken', 'code', 'voterGroup']);
    await page(`/b/${evaluationCode}`);
    await acceptsTheFormAsRendered(action, form, 'ballots');
  }, 60_000);

  it('the evaluation by link (/e): requestToken, and a code or voter group slipped in', async () => {
    const html = await page(`/e/${linkEvaluation}`);
    const hidden = hiddenOf(html);
    expect(hidden.map(([k]) => k)).toEqual(['requestToken']);
    const form: Fields = [
      ...hidden,
      ...radiosOf(html, 'm_').map((n): [string, string] => [n, 'satisfied']),
      ['overall', 'satisfied'],
    ];
    const action = `/e/${linkEvaluation}`;
    await refusesEveryHostileHiddenField(action, form, ['requestToken']);
    const before = await stored();
    for (const name of ['code', 'voterGroup']) {
      for (const value of ['x'.repeat(5000), '', '../', '选票😀']) {
        const res = await post(action, [...form, [name, value]]);
        expect(res.status, `${name}=${value.slice(0, 10)}`).toBe(400);
      }
    }
    expect(await stored()).toEqual(before);
    await acceptsTheFormAsRendered(action, form, 'ballots');
  }, 60_000);

  it('the receipt look-up (/f/…/receipt): r', async () => {
    const lookUp = (query: string) =>
      t.app.request(`/f/${round}/receipt?${query}`, { headers: { accept: 'text/html' } });
    for (const query of [
      `r=${'x'.repeat(5000)}`,
      `r=${encodeURIComponent('../')}`,
      `r=${encodeURIComponent('回执😀\u202e')}`,
      `r=ABCD-EFGH&r=ABCD-EFGH`,
      `r=${encodeURIComponent(`ABCD-EFGH${' '.repeat(100)}`)}`,
    ]) {
      const res = await lookUp(query);
      expect(res.status, query.slice(0, 40)).toBe(400);
      expect(await res.text()).toContain('回执编号是8位字母和数字');
    }
    // The look-up page as first opened, and a receipt of the right form that is nobody's.
    expect((await lookUp('r=')).status).toBe(200);
    const unknown = await lookUp('r=ABCD-EFGH');
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain('没有找到这张回执');
  }, 60_000);
});
