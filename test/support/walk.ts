import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { demoPassword } from '../../shared/demo/campaign';

/** Where the walks leave their screenshots (CI keeps them with the run's files). */
export const screenshotDir = process.env.SCREENSHOT_DIR ?? '/tmp/walk-screenshots';

/**
 * A person walking through the product in Chromium by clicking only: every
 * page reached is checked with axe-core once per kind of page (its path with
 * ids folded, and which of ok/error it shows), for WCAG 2 A/AA findings that
 * are serious or critical, and for sideways scrolling on a phone. Dialogs
 * (the console's 确定…吗？ confirmations) are accepted as a person would.
 */
export function walker(browser: Browser, baseUrl: string) {
  const checked = new Set<string>();
  const findings: string[] = [];
  const visited: string[] = [];
  mkdirSync(screenshotDir, { recursive: true });

  const kindOf = (url: string) => {
    const u = new URL(url);
    const path = u.pathname.replace(
      /[A-Za-z0-9_-]{16,}|[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g,
      '…',
    );
    const flags = ['ok', 'error', 'preview', 'for', 'saved'].filter((k) => u.searchParams.has(k)).join(',');
    return `${path}${flags ? `?${flags}` : ''}`;
  };

  /** Checks the page now shown, once per kind of page. */
  const check = async (page: Page) => {
    const kind = kindOf(page.url());
    if (checked.has(kind)) return;
    checked.add(kind);
    visited.push(kind);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
      findings.push(`${kind}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    }
    const width = page.viewportSize()?.width ?? 0;
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width <= 430 && scroll > width) findings.push(`${kind}: ${scroll}px wide on a ${width}px phone`);
  };

  /** A new browser window at a phone's or a desk's size, closing every confirmation with 确定. */
  const open = async (size: 'phone' | 'desk') => {
    const context = await browser.newContext({
      viewport: size === 'phone' ? { width: 375, height: 740 } : { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    return page;
  };

  /** Clicks what leads to another page (a link or a form's button), waits for it and checks it. */
  const click = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()]);
    await check(page);
    return page;
  };

  /** The address a QR code or a printed link carries: the one address a person does not click to. */
  const scan = async (page: Page, url: string) => {
    await page.goto(url);
    await check(page);
    return page;
  };

  /** Signs in at the console's door and lands on the person's home. */
  const signIn = async (username: string, size: 'phone' | 'desk' = 'desk') => {
    const page = await open(size);
    await scan(page, `${baseUrl}/console`);
    await page.fill('#username', username);
    await page.fill('#password', demoPassword);
    return click(page, 'button[type=submit]');
  };

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

  return { open, click, scan, signIn, check, shot, findings, visited };
}
export type Walker = ReturnType<typeof walker>;
