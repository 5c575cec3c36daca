import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

// Small in CI; `FUZZ_RUNS=2000 npx vitest run test/fuzz.test.ts` for a long run.
const runs = Number(process.env.FUZZ_RUNS ?? (process.env.CI ? 60 : 120));

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\r\nX-Injected: yes',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '__proto__',
    'constructor',
    '{"a":',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    'x'.repeat(2000),
    '😀'.repeat(300),
    'A'.repeat(22),
    'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
  ),
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zzz',
  'application/xml',
  '',
  'garbage/;;;',
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  hostileText,
  fc.constantFrom(
    '{"__proto__":{"x":1}}',
    '{"grades":{"__proto__":"excellent"}}',
    '[',
    '{}',
    'null',
    '1e999',
  ),
);
const cursor = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc
    .record(
      { pk: fc.string(), sk: fc.string(), gsi1pk: fc.string(), gsi1sk: fc.string() },
      { requiredKeys: [] },
    )
    .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
);

describe('fuzzing every public route, the form posts and a sample of console routes', () => {
  let t: TestContext;
  let bearer: string;
  let console: Awaited<ReturnType<typeof consoleClient>>;
  let round = '';
  let session = '';
  let code = '';
  const accepted = { opinions: 0, ballots: 0 };
  const stored = async () => {
    const items = await scanAll(t);
    return {
      opinions: items.filter((i) => String(i.sk).startsWith('OPINION#')).length,
      ballots: items.filter((i) => String(i.sk).startsWith('BALLOT#')).length,
    };
  };
  let before = { opinions: 0, ballots: 0 };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent', FLOOD_BURST: '100000' });
    const demo = await seedDemo(t.deps, 'http://x');
    round = demo.lines.find((l) => l.includes('/f/'))?.match(/\/f\/([\w-]+)/)?.[1] ?? '';
    code = demo.ballotLinks[0]?.match(/\/b\/([\w-]+)/)?.[1] ?? '';
    bearer = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    console = await consoleClient(t);
    await console.signIn(demoAccounts.leader.username, demoPassword);
    const res = await t.app.request('/api/units', { headers: { authorization: `Bearer ${bearer}` } });
    expect(res.status).toBeLessThan(500);
    const home = await console.request('/console');
    const unitPage = await (await console.request(home.headers.get('location') ?? '/console')).text();
    session = unitPage.match(/\/console\/review-sessions\/([\w-]+)/)?.[1] ?? '';
    expect([round, code, session].every(Boolean)).toBe(true);
    // The demo brings opinions of its own; what the fuzzing adds is counted from here.
    before = await stored();
  }, 60_000);

  const send = async (
    method: string,
    path: string,
    opts: { type?: string | undefined; body?: string | undefined; headers?: Record<string, string> } = {},
  ) => {
    const res = await t.app.request(path, {
      method,
      headers: { ...(opts.type !== undefined ? { 'content-type': opts.type } : {}), ...opts.headers },
      ...(opts.body !== undefined && method !== 'GET' ? { body: opts.body } : {}),
    });
    await res.arrayBuffer();
    return res.status;
  };
  const seg = (s: string) => encodeURIComponent(s);
  const never5xx = (label: string, status: number) => expect(status, label).toBeLessThan(500);

  it('answers hostile bodies and content types on the public submissions with a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          () => `/api/public/rounds/${round}/opinions`,
          () => `/f/${round}/send`,
          () => `/api/public/review-sessions/${session}/ballots`,
          () => `/b/${code}/cast`,
        ),
        contentType,
        jsonish,
        async (path, type, body) => {
          const status = await send('POST', path(), { type, body });
          never5xx(`${path()} ${type} ${body.slice(0, 80)}`, status);
          if (status === 201 || status === 200) {
            if (path().includes('opinions') || path().startsWith('/f/')) accepted.opinions += 1;
            else accepted.ballots += 1;
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it('answers hostile path values and queries with a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          (x: string) => `/f/${seg(x)}`,
          (x: string) => `/f/${seg(x)}/send`,
          (x: string) => `/f/${seg(x)}/sent?r=${seg(x)}`,
          (x: string) => `/b/${seg(x)}`,
          (x: string) => `/b/done?r=${seg(x)}`,
          (x: string) => `/e/${seg(x)}`,
          (x: string) => `/e/${seg(x)}/done?r=${seg(x)}`,
          (x: string) => `/api/public/evaluations/${seg(x)}/ballots`,
          (x: string) => `/b?code=${seg(x)}`,
          (x: string) => `/api/public/review-sessions/${seg(x)}/ballots`,
          (x: string) => `/api/public/rounds/${seg(x)}/opinions`,
          (x: string) => `/api/units/${seg(x)}`,
          (x: string) => `/api/review-sessions/${seg(x)}/reconciliation`,
          (x: string) => `/api/units/${seg(x)}/opinions?cursor=${seg(x)}`,
        ),
        hostileText,
        fc.constantFrom('GET', 'POST', 'PUT'),
        async (path, value, method) => {
          const status = await send(method, path(value), {
            type: 'application/json',
            body: '{}',
            headers: { authorization: `Bearer ${bearer}` },
          });
          never5xx(`${method} ${path(value)}`, status);
        },
      ),
      { numRuns: runs },
    );
  });

  it('answers forged cursors and filters on the lists with a 400, never a 5xx', async () => {
    const { units } = {
      units: (await (
        await t.app.request('/api/auth/me', { headers: { authorization: `Bearer ${bearer}` } })
      ).json()) as { scope: { unitId: string } },
    };
    const unitId = units.scope.unitId;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          (c: string) => `/api/units/${unitId}/opinions?cursor=${seg(c)}`,
          (c: string) => `/api/units/${unitId}/rounds?cursor=${seg(c)}`,
          (c: string) => `/api/units/${unitId}/members?cursor=${seg(c)}`,
          (c: string) => `/api/units/${unitId}/review-sessions?cursor=${seg(c)}`,
          (c: string) => `/api/units/${unitId}/opinions?problem=${seg(c)}&respondent=${seg(c)}`,
          (c: string) => `/console/units/${unitId}/opinions?cursor=${seg(c)}`,
          (c: string) => `/console/units/${unitId}/opinions?problem=${seg(c)}`,
        ),
        cursor,
        async (path, c) => {
          const status = path(c).startsWith('/console')
            ? (await console.request(path(c))).status
            : await send('GET', path(c), { headers: { authorization: `Bearer ${bearer}` } });
          never5xx(path(c), status);
        },
      ),
      { numRuns: runs },
    );
  });

  it('answers hostile console form posts with a 4xx or the form again, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          (x: string) => `/console/review-sessions/${seg(x)}/paper`,
          (x: string) => `/console/review-sessions/${session}/paper-issued?x=${seg(x)}`,
          (x: string) => `/console/units/${seg(x)}/members`,
          (x: string) => `/console/rounds/${seg(x)}/close`,
          (x: string) => `/console/evaluations/${seg(x)}/close`,
          (x: string) => `/console/evaluations/${seg(x)}/codes`,
          (x: string) => `/console/units/${seg(x)}/evaluations`,
          (x: string) => `/console/units/${seg(x)}/mechanisms`,
          (x: string) => `/console/review-sessions/${seg(x)}/codes`,
          (x: string) => `/console/accounts/${seg(x)}`,
          () => '/console/login',
        ),
        hostileText,
        fc.dictionary(hostileText, hostileText, { maxKeys: 5 }),
        async (path, value, fields) => {
          const res = await console.post(path(value), fields);
          never5xx(`${path(value)} ${JSON.stringify(fields).slice(0, 80)}`, res.status);
        },
      ),
      { numRuns: runs },
    );
  });

  it('stored nothing for any refused submission', async () => {
    const after = await stored();
    expect(after.opinions - before.opinions).toBe(accepted.opinions);
    expect(after.ballots - before.ballots).toBe(accepted.ballots);
  });
});
