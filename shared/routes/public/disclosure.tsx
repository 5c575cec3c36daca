import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { reportByToken } from '../../data/repos/reports';
import type { Deps } from '../../deps';
import { DisclosureScope, Published } from '../../domain/report';
import { notFound } from '../../errors';
import type { AppEnv } from '../../http/env';
import { errorResponses, ok } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { page } from '../../views/page';
import { DisclosurePage } from '../../views/public/disclosure-page';

const tokenPattern = /^[A-Za-z0-9_-]{22}$/;

export const Disclosure = z
  .object({ published: Published, sha256: z.string(), approvedAt: z.string(), scope: DisclosureScope })
  .openapi('Disclosure');

const json = createRoute({
  method: 'get',
  path: '/api/public/disclosures/{token}',
  tags: ['public'],
  summary: 'An approved analysis report as published, with the SHA-256 of its canonical JSON',
  request: { params: z.object({ token: z.string().regex(tokenPattern) }) },
  responses: { 200: ok(Disclosure), ...errorResponses },
});

/** The disclosure of approved reports (适当范围公开): `/p/{token}` and its JSON. */
export function disclosureRoutes(deps: Deps) {
  const approved = async (token: string) => {
    const report = tokenPattern.test(token) ? await reportByToken(deps, token) : undefined;
    if (report?.state !== 'approved' || !report.approvedAt || !report.scope) {
      throw notFound('没有找到这份公开内容');
    }
    return {
      published: report.published,
      sha256: report.sha256,
      approvedAt: report.approvedAt,
      scope: report.scope,
    };
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(json, async (c) => c.json(await approved(c.req.valid('param').token), 200));
  app.get('/p/:token', async (c) => {
    const token = c.req.param('token');
    const d = await approved(token);
    c.header('cache-control', 'public, max-age=300');
    return c.html(
      page(
        <DisclosurePage
          {...d}
          jsonUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/api/public/disclosures/${token}`)}
          pageUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/p/${token}`)}
        />,
      ),
    );
  });
  return app;
}
