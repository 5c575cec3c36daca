import { beforeAll, describe, expect, it } from 'vitest';
import { isPublicPath } from '../shared/http/public-paths';
import { createTestContext, type TestContext } from './support/test-env';

describe('the OpenAPI document', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });

  it('is OpenAPI 3.1 and describes every /api route', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const registered = t.app.allRoutes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL');
    expect(registered.length).toBeGreaterThan(20);
    for (const r of registered) expect(documented).toContain(`${r.method} ${r.path}`);
    // The public JSON routes are written without OpenAPI and described apart: each description must
    // be a route the public app serves, under the path API Gateway sends to it.
    const publicDocumented = [...documented].filter(
      (d) => d.includes(' /api/public/') || d.endsWith(' /healthz'),
    );
    expect(publicDocumented).toHaveLength(7);
    const publicServed = new Set(t.app.allRoutes.map((r) => `${r.method} ${r.path}`));
    for (const d of publicDocumented) {
      expect(publicServed).toContain(d);
      expect(isPublicPath(d.split(' ')[1] ?? '')).toBe(true);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Unit', 'Member', 'Campaign', 'Error']),
    );
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie']);
  });

  it('has a reference page that loads nothing from outside', async () => {
    const res = await t.app.request('/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/api/units/{unitId}/members/import');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
