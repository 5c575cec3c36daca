import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { launchChromium } from './support/browser';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { requestToken, toAppraisal } from './support/review-fixture';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * One person's opinion, followed in a phone browser from the receipt they
 * were given to the problem it fed into, the measures against it and how the
 * masses rated the rectification; the unit's work in between goes through the API.
 */
describe('following an opinion from its receipt to the satisfaction result', () => {
  let t: TestContext;
  let f: OrgFixture;
  let browser: Browser;
  let phone: BrowserContext;
  let server: Awaited<ReturnType<typeof serveApp>>;
  const requests: string[] = [];
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    server = await serveApp(t);
    browser = await launchChromium();
    phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
    });
    phone.on('request', (r) => {
      requests.push(r.url());
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the problem, its measures and the 满意率 to the holder of the receipt', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/f/${f.ids.r1}`);
    const ref = await page.inputValue('input[name=submissionId]');
    await page.fill('#opinion', '车间安全隐患整改拖拉，反映了几次没人管');
    await Promise.all([page.waitForURL(/\/f\//), page.click('button[type=submit]')]);
    const receipt = (await page.textContent('.r'))?.trim() ?? '';
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The unit merges it into a problem; the report is approved; the unit moves into 整改提高.
    const unit = (path: string) => `/api/units/${f.ids.u1}${path}`;
    const ok = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await call(t, token, method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
      return asRecord(res.json ?? {});
    };
    await toAppraisal(t, f, f.ids.u1);
    const problem = await ok(f.tokens.leader, 'POST', unit('/problems'), {
      title: '安全隐患整改拖拉',
      area: 'unitWork',
      opinionRefs: [ref],
    });
    await ok(f.tokens.leader, 'POST', unit('/report'));
    await ok(f.tokens.leader, 'POST', unit('/report/submit'));
    await ok(f.tokens.supervisor, 'POST', unit('/report/approve'), { scope: 'public' });
    await ok(f.tokens.leader, 'POST', unit('/stage-request'), {});
    await ok(f.tokens.supervisor, 'POST', unit('/stage-decision'), { approve: true });
    const measure = await ok(f.tokens.leader, 'POST', unit('/measures'), {
      problemId: problem.id,
      action: '逐项整改车间安全隐患并张榜公布',
      post: '安全科科长',
      deadline: '2099-12-31',
    });
    await ok(f.tokens.leader, 'POST', unit(`/measures/${measure.id}/progress`), {
      note: '12项隐患已整改10项',
      state: 'underway',
    });

    // The masses rate it with codes; the first voter on the phone, the others alike by form post.
    const evaluation = await ok(f.tokens.leader, 'POST', unit('/evaluations'), {
      mode: 'codes',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const minted = await ok(f.tokens.leader, 'POST', `/api/evaluations/${evaluation.id}/codes`, {
      voterGroup: 'mass',
      count: 5,
    });
    const codes = (minted.codes as { code: string }[]).map((c) => c.code);
    await page.goto(`${server.url}/b/${codes[0]}`);
    expect(await page.textContent('h1')).toContain('群众满意度测评');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.check(`input[name=m_${measure.id}][value=satisfied]`);
    await page.check('input[name=overall][value=basicallySatisfied]');
    await page.click('button[type=submit]');
    expect(await page.textContent('h1')).toContain('评价已提交');
    for (const [i, answer] of ['satisfied', 'satisfied', 'dissatisfied', 'unknown'].entries()) {
      const res = await t.app.request(`/e/${evaluation.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          requestToken: requestToken(),
          code: codes[i + 1] ?? '',
          voterGroup: 'mass',
          overall: answer,
          [`m_${measure.id}`]: answer,
        }).toString(),
      });
      expect(res.status).toBe(303);
    }
    await ok(f.tokens.leader, 'POST', `/api/evaluations/${evaluation.id}/close`);
    await ok(f.tokens.supervisor, 'POST', `/api/evaluations/${evaluation.id}/count`);

    // Back on the phone with nothing but the receipt.
    await page.goto(`${server.url}/f/${f.ids.r1}/receipt`);
    await page.fill('#r', receipt.toLowerCase().replace('-', ' '));
    await page.click('button[type=submit]');
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('已归入问题：“安全隐患整改拖拉”');
    expect(text).toContain('逐项整改车间安全隐患并张榜公布');
    expect(text).toContain('12项隐患已整改10项');
    // The measure: 满意 3, 不满意 1, 不了解 1 → 3 of the 4 who could judge, 75.0%; overall likewise.
    expect(text).toContain('群众满意率 75.0%');
    expect(text).toContain('5 人参加');
    expect(text).toContain('总体满意率 75.0%');
    expect(text).toContain('达到规定');
    await page.click('text=查看');
    expect(await page.textContent('body')).toContain('群众满意度测评结果');
    for (const url of requests) expect(url.startsWith(server.url)).toBe(true);
  }, 90_000);
});
