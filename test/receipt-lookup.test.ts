import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * A receipt can be looked up later from where a person finds the unit again:
 * the form page (its QR code), the closed round's page and the thanks page,
 * typed in either case, with or without the dash.
 */
describe('finding the receipt look-up again', () => {
  let t: TestContext;
  let f: OrgFixture;
  const html = async (path: string) => {
    const res = await t.app.request(path, { headers: { accept: 'text/html' } });
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
  }, 60_000);

  it('is on the form, the thanks page and the closed round’s page', async () => {
    const form = await html(`/f/${f.ids.r1}`);
    expect(form.text).toContain(`action="/f/${f.ids.r1}/receipt"`);
    expect(form.text).toContain('查询回执');

    const sent = await t.app.request(`/f/${f.ids.r1}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({
        submissionId: 'LOOKUP000000000000000A',
        opinion: '食堂饭菜价格偏高',
      }).toString(),
    });
    expect(sent.status).toBe(303);
    const thanks = await html(sent.headers.get('location') ?? '');
    const receipt = thanks.text.match(/class="r">([0-9A-Z]{4}-[0-9A-Z]{4})</)?.[1] ?? '';
    expect(receipt).not.toBe('');
    // The link reads as words, and goes straight to this receipt.
    expect(thanks.text).toContain(`href="/f/${f.ids.r1}/receipt?r=${receipt}"`);
    expect(thanks.text).toContain('查看这条意见的处理情况');
    expect(thanks.text).not.toContain(`>/f/${f.ids.r1}/receipt<`);

    expect((await call(t, f.tokens.leader, 'POST', `/api/rounds/${f.ids.r1}/close`)).status).toBe(200);
    const closed = await html(`/f/${f.ids.r1}`);
    expect(closed.text).toContain('征求意见未开放');
    expect(closed.text).toContain(`action="/f/${f.ids.r1}/receipt"`);
    // Typed in lower case without the dash, from the closed round's page.
    const typed = receipt.replace('-', '').toLowerCase();
    const found = await html(`/f/${f.ids.r1}/receipt?r=${typed}`);
    expect(found.status).toBe(200);
    expect(found.text).toContain('您的意见已收到');
    // An unknown link offers no look-up (there is no round to look in).
    expect((await html('/f/AAAAAAAAAAAAAAAAAAAAAA')).text).not.toContain('查询回执');
  });
});
