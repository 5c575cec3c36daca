import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

/** Words that are proper names or file formats people know, and the demo's usernames. */
const allowed = new Set([
  'CSV',
  'UTF-8',
  'BOM',
  'Excel',
  'XLSX',
  'WPS',
  'SVG',
  'PNG',
  'PDF',
  'QR',
  'Ctrl',
  'SHA-256',
  'npm',
  'run',
  'verify',
  ...Object.values(demoAccounts).map((a) => a.username),
]);

/** The text a person reads on a page: no tags, scripts, styles, code or 技术信息. */
function visibleText(html: string) {
  return (
    html
      .replace(/<(script|style|code|details|svg)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z]+;|&#\d+;/g, ' ')
      // Addresses to open or print (QR links) are what they are.
      .replace(/https?:\/\/\S+/g, ' ')
  );
}

describe('console pages read in Chinese: no raw ids, JSON or English outside code and proper names', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
  });

  for (const who of [
    demoAccounts.office,
    demoAccounts.supervisor,
    demoAccounts.leader,
    demoAccounts.leader2,
    demoAccounts.leader3,
  ]) {
    it(`as ${who.username}`, async () => {
      const client = consoleClient(t);
      await client.signIn(who.username, demoPassword);
      const seen = new Set<string>();
      const queue = ['/console'];
      // Follow the console's own links two levels deep from the home page.
      for (let depth = 0; depth < 3 && queue.length > 0; depth++) {
        for (const path of queue.splice(0)) {
          if (seen.has(path)) continue;
          seen.add(path);
          let res = await client.request(path);
          if (res.status === 303) res = await client.request(res.headers.get('location') ?? '/console');
          if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
          const html = await res.text();
          const text = visibleText(html);
          const words = [...text.matchAll(/[A-Za-z][A-Za-z0-9_-]{2,}/g)].map((m) => m[0]);
          const foreign = words.filter((w) => !allowed.has(w));
          expect(foreign, `${path}: ${foreign.join(' ')}`).toEqual([]);
          expect(text, path).not.toMatch(/[{}]|\d{4}-\d{2}-\d{2}T\d{2}/);
          for (const m of html.matchAll(/href="(\/console\/[^"?#]*)"/g))
            if (m[1] && !seen.has(m[1])) queue.push(m[1]);
        }
      }

      expect(seen.size).toBeGreaterThan(3);
    }, 120_000);
  }
});
