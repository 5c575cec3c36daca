import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../shared/demo/seed';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * Every route of both apps, signed in as the office (who may reach them all),
 * with each path parameter over-long: a client's path never answers 5xx.
 */
describe('over-long path values', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent' });
    await seedDemo(t.deps, 'http://x');
  });

  for (const length of [150, 200, 5000]) {
    it(`answer 4xx (or a form's 303 back) on every route when a parameter has ${length} characters`, async () => {
      const browser = consoleClient(t);
      await browser.signIn('office', 'Demo-2026-xjx');
      const long = 'x'.repeat(length);
      const routes = t.app.allRoutes.filter((r) => r.path.includes('/:') && r.method !== 'ALL');
      expect(routes.length).toBeGreaterThan(50);
      const answers: string[] = [];
      for (const r of routes) {
        const path = r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, long);
        const res =
          r.method === 'GET' ? await browser.request(path) : await browser.post(path, { value: '1' });
        answers.push(`${res.status} ${r.method} ${r.path}`);
      }
      // A refused form post goes back to its page with the error (303); nothing answers 5xx.
      expect(answers.filter((a) => !/^(4\d\d|303) /.test(a))).toEqual([]);
    });
  }
});
