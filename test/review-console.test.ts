import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { consoleClient, csrfIn } from './support/console-client';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('democratic review in the console', () => {
  let t: TestContext;
  let client: ReturnType<typeof consoleClient>;
  const get = (path: string) => client.request(path);
  // Fields carry the page's own _csrf, as the forms do.
  const post = (path: string, fields: Record<string, string>) => client.post(path, fields);

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    await signInAs(demoAccounts.leader.username);
  });

  /** Signs in as a demo account (a fresh browser) for the steps that follow. */
  async function signInAs(username: string) {
    client = consoleClient(t);
    expect((await client.signIn(username, demoPassword)).status).toBe(303);
  }

  it('mints slips, closes, has the tellers enter a paper slip, the supervision group confirm, then shows results', async () => {
    const unitPath = (await get('/console')).headers.get('location') ?? '';
    const unitHtml = await (await get(unitPath)).text();
    const sessionPath = unitHtml.match(/href="(\/console\/review-sessions\/[^"]+)"/)?.[1] ?? '';
    expect(sessionPath).not.toBe('');
    const sessionHtml = await (await get(sessionPath)).text();
    expect(sessionHtml).toContain('计票');
    const csrf = csrfIn(sessionHtml);

    // The demo minted the 20 mass representatives' codes already: four more need a confirmation.
    const codeItems = async () => (await scanAll(t)).filter((i) => String(i.pk).startsWith('CODE#')).length;
    const codesBefore = await codeItems();
    const excess = await post(`${sessionPath}/codes`, { _csrf: csrf, voterGroup: 'mass', count: '4' });
    expect(decodeURIComponent(excess.headers.get('location') ?? '')).toContain('多出4张');
    expect(await codeItems()).toBe(codesBefore);
    const minted = await post(`${sessionPath}/codes`, {
      _csrf: csrf,
      voterGroup: 'mass',
      count: '4',
      confirmExcess: 'yes',
    });
    expect(minted.status).toBe(303);
    const slipsPath = minted.headers.get('location') ?? '';
    expect(slipsPath).toMatch(/\/slips\/[A-Za-z0-9_-]{22}$/);
    // The slips page can be reloaded and reprinted: the same codes, nothing minted again.
    const slips = await get(slipsPath);
    expect(slips.headers.get('cache-control')).toBe('no-store');
    const slipsHtml = await slips.text();
    expect(slipsHtml.match(/class="slip"/g)).toHaveLength(4);
    expect(slipsHtml.match(/<svg/g)).toHaveLength(4);
    const codesOn = (html: string) => html.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g);
    expect(codesOn(slipsHtml)).toHaveLength(4);
    expect(codesOn(await (await get(slipsPath)).text())).toEqual(codesOn(slipsHtml));
    expect(await codeItems()).toBe(codesBefore + 4);

    const closed = await post(`${sessionPath}/close`, { _csrf: csrf });
    expect(closed.status).toBe(303);
    const counting = await (await get(sessionPath)).text();
    expect(counting).toContain('计票中');
    expect(counting).toContain('群众代表发出选票（含纸质票）比应到人数多 4 张');
    expect(counting).not.toContain('评议结果');
    // The unit leader gets neither the entry form nor the confirmation.
    expect(counting).not.toContain('录入纸质票');
    expect(counting).not.toContain('确认计票结束');

    const slip = (html: string) => {
      const fields: Record<string, string> = { _csrf: csrfIn(html), slipNo: '1', voterGroup: 'member' };
      for (const name of new Set([...html.matchAll(/name="(g_[^"]+)"/g)].map((m) => m[1] ?? ''))) {
        fields[name] = 'competent';
      }
      fields.satisfaction = 'satisfied';
      fields.teller = html.match(/name="teller" value="(\d)"/)?.[1] ?? '';
      return fields;
    };
    for (const teller of [demoAccounts.teller1, demoAccounts.teller2]) {
      await signInAs(teller.username);
      const html = await (await get(sessionPath)).text();
      expect(html).toContain('录入纸质票');
      expect(html).not.toContain('确认计票结束');
      const entered = await post(`${sessionPath}/paper`, slip(html));
      expect(entered.status).toBe(303);
      expect(decodeURIComponent(entered.headers.get('location') ?? '')).toContain('已录入第1号票');
    }

    await signInAs(demoAccounts.supervisor.username);
    const supervising = await (await get(sessionPath)).text();
    expect(supervising).toContain('纸质票已全部核对一致');
    const confirmed = await post(`${sessionPath}/count/confirm`, {
      _csrf: csrfIn(supervising),
      unresolvedSlips: '',
      checked: 'yes',
    });
    expect(confirmed.status).toBe(303);

    await signInAs(demoAccounts.leader.username);
    const after = await (await get(sessionPath)).text();
    expect(after).toContain('计票结束');
    expect(after).toContain('评议结果');
    expect(after).toContain('组织评定');

    // 组织评定: one form for the whole list; nothing is chosen for the organisation, a row left at
    // 请选择 is not saved, and a grade without its reason is refused.
    expect(after).toMatch(
      /<select name="grade_[^"]+" aria-label="[^"]+的组织评定"[^>]*><option value="" selected/,
    );
    expect(after).not.toMatch(
      /<select name="grade_[^"]+"[^>]*>(?:(?!<\/select>).)*value="excellent" selected/s,
    );
    const memberId = after.match(/name="grade_([^"]+)"/)?.[1] ?? '';
    const determinations = `${sessionPath}/determinations`;
    const refused = await post(determinations, {
      _csrf: csrfIn(after),
      [`grade_${memberId}`]: '',
      [`reason_${memberId}`]: '平时表现突出',
    });
    expect(decodeURIComponent(refused.headers.get('location') ?? '')).toContain(
      '请至少为一名党员选择组织评定的等次',
    );
    const noReason = await post(determinations, { _csrf: csrfIn(after), [`grade_${memberId}`]: 'excellent' });
    expect(decodeURIComponent(noReason.headers.get('location') ?? '')).toContain('请写明评定理由');
    const unchanged = await (await get(sessionPath)).text();
    expect(unchanged).not.toContain('：平时表现突出');
    // Saved together: back at the list, with the grade and its reason.
    const saved = await post(determinations, {
      _csrf: csrfIn(after),
      [`grade_${memberId}`]: 'excellent',
      [`reason_${memberId}`]: '平时表现突出',
      [`version_${memberId}`]: '0',
    });
    expect(saved.headers.get('location')).toMatch(/ok=.*#determinations$/);
    expect(await (await get(sessionPath)).text()).toContain('优秀：平时表现突出');
  });
});
