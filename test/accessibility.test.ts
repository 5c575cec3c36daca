import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { asRecord, call, tokenFor } from './support/api';
import { launchChromium } from './support/browser';
import { serveApp } from './support/serve';
import { createTestContext, type TestContext } from './support/test-env';

/** Older members use large text and screen readers: no serious or critical axe-core finding on the pages they use. */
describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  let t: TestContext;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let demo: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    server = await serveApp(t);
    demo = await seedDemo(t.deps, server.url);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const findings = async (page: Page, label: string) => {
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  };
  const check = async (page: Page, label: string) => expect(await findings(page, label)).toEqual([]);

  it('finds what it should: an unlabelled field and an image without text', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent('<html lang="zh-CN"><title>x</title><main><img src="data:,"><input></main></html>');
    const found = (await findings(page, 'probe')).join(' ');
    expect(found).toContain('image-alt');
    expect(found).toContain('label');
  });
  const link = (prefix: string) => demo.lines.find((l) => l.includes(prefix))?.match(/http\S+/)?.[0] ?? '';

  it('the masses’ pages: the opinion form, its thanks and receipt pages, the ballot, the evaluation, the disclosure', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    const form = link('/f/');
    await page.goto(form);
    await check(page, 'opinion form');
    await page.fill('#opinion', '无障碍检查');
    await Promise.all([page.waitForURL(/\/sent\?r=/), page.click('button[type=submit]')]);
    await check(page, 'thanks page');
    const receipt = (await page.textContent('.r'))?.trim() ?? '';
    await page.goto(`${form}/receipt?r=${receipt}`);
    await check(page, 'receipt look-up');
    await page.goto(demo.ballotLinks[3]?.split(' ')[1] ?? '');
    await check(page, 'ballot page');
    await page.click('button[type=submit]');
    await check(page, 'ballot page with errors');
    // A mass representative's slip, with 不了解 (the demo campaign allows it).
    await page.goto(demo.ballotLinks.at(-1)?.split(' ')[1] ?? '');
    await check(page, 'ballot page of a mass representative');
    await page.goto(`${server.url}/b`);
    await check(page, 'code entry');
    const leader3 = await tokenFor(t, demoAccounts.leader3.username, demoPassword);
    const unitId = String(
      asRecord(asRecord((await call(t, leader3, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    const opened = await call(t, leader3, 'POST', `/api/units/${unitId}/evaluations`, {
      mode: 'link',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await page.goto(`${server.url}/e/${String(asRecord(opened.json).id)}`);
    await check(page, 'evaluation page');
    await page.goto(link('/p/'));
    await check(page, 'disclosure page');
  }, 90_000);

  /**
   * Every console page a person can reach by links from their home, for each
   * role: crawled breadth-first (one page of each kind, ids folded), plus the
   * printable slips a mint leads to. axe-core on each.
   */
  const crawl = async (username: string, limit: number, checkedBefore = new Set<string>()) => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.url}/console/login`);
    await page.fill('#username', username);
    await page.fill('#password', demoPassword);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const kindOf = (href: string) => {
      const u = new URL(href, server.url);
      // One page of each path (a sort order or a filter is the same page).
      return u.pathname.replace(/[A-Za-z0-9_-]{16,}/g, '…');
    };
    const seen = new Set<string>();
    const queue = [page.url()];
    const found: string[] = [];
    while (queue.length > 0 && seen.size < limit) {
      const href = queue.shift() ?? '';
      const kind = kindOf(href);
      if (seen.has(kind)) continue;
      seen.add(kind);
      await page.goto(href);
      // A kind another role's crawl already checked is walked through, not checked again.
      if (!checkedBefore.has(kind)) found.push(...(await findings(page, `${username} ${kind}`)));
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      queue.push(
        ...links.filter(
          (l) => new URL(l).origin === server.url && new URL(l).pathname.startsWith('/console/'),
        ),
      );
    }
    return { kinds: [...seen], found, page };
  };

  it('every console page each role reaches from its home', async () => {
    // Each role walks all it reaches; in CI a kind of page is checked by the first role that reaches it
    // (the office reaches nearly all), A11Y_FULL=1 checks each role's version of every page.
    const full = process.env.A11Y_FULL === '1';
    const office = await crawl(demoAccounts.office.username, 60);
    const leader = await crawl(demoAccounts.leader2.username, 30, full ? undefined : new Set(office.kinds));
    const supervisor = await crawl(
      demoAccounts.supervisor.username,
      40,
      full ? undefined : new Set([...office.kinds, ...leader.kinds]),
    );
    // The first unit (in 分析评议, with 党性分析 materials) through its own leader, checking only what is new.
    const before = new Set([...office.kinds, ...leader.kinds, ...supervisor.kinds]);
    const first = await crawl(demoAccounts.leader.username, 30, before);
    // Each crawl ran out of new pages before its cap: it saw every page its links lead to.
    for (const [crawled, cap] of [
      [office, 60],
      [leader, 30],
      [supervisor, 40],
      [first, 30],
    ] as const) {
      expect(crawled.kinds.length, crawled.kinds.join(' ')).toBeLessThan(cap);
    }
    const kinds = new Set([...before, ...first.kinds]);
    // The crawl reached the pages of every kind a unit's work has.
    for (const path of [
      '/console/accounts',
      '/console/audit',
      '/console/password',
      '/console/campaigns/…',
      '/console/campaigns/…/typical',
      '/console/groups/…',
      '/console/units/…',
      '/console/units/…/opinions',
      '/console/units/…/self-analyses',
      '/console/units/…/self-analyses/…',
      '/console/units/…/report',
      '/console/units/…/report/sheet',
      '/console/units/…/measures',
      '/console/units/…/evaluations',
      '/console/units/…/mechanisms',
      '/console/review-sessions/…',
      '/console/review-sessions/…/members/…/feedback',
      '/console/evaluations/…',
      '/console/rounds/…/poster',
    ]) {
      expect([...kinds], path).toContain(path);
    }
    // Printable ballot slips come after minting codes (a form, not a link): the first unit's open session.
    const slips = (await crawl(demoAccounts.leader.username, 1)).page;
    await Promise.all([slips.waitForNavigation(), slips.click('a:has-text("进行中")')]);
    await slips.selectOption('#group', 'member');
    await slips.fill('#count', '1');
    await slips.check('input[name=confirmExcess]');
    await Promise.all([slips.waitForNavigation(), slips.click('button:text-is("生成并打印")')]);
    expect(slips.url()).toMatch(/\/slips\//);
    const slipFindings = await findings(slips, 'slips');
    expect([...office.found, ...leader.found, ...supervisor.found, ...first.found, ...slipFindings]).toEqual(
      [],
    );
  }, 240_000);
});
