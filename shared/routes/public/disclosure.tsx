import { Hono } from 'hono';
import type { Deps } from '../../deps';
import { token22Pattern } from '../../domain/public-forms';
import type { AppEnv } from '../../http/env';
import { publicUrl } from '../../http/public-url';
import { disclosure, disclosurePage, publicationLog } from '../../usecases/disclosure';
import { page } from '../../views/page';
import { DisclosurePage } from '../../views/public/disclosure-page';
import { VerifyPage } from '../../views/public/verify-page';
import { checkParam } from './params';

/** The disclosure of approved reports (适当范围公开): `/p/{token}` and its JSON. */
export function disclosureRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  // The JSON (described for the API reference in ./openapi.ts).
  app.get('/api/public/disclosures/:token', async (c) => {
    const token = checkParam('token', c.req.param('token'), (v) => token22Pattern.test(v));
    return c.json((await disclosure(deps, token)).disclosed, 200);
  });
  app.get('/api/public/publication-log/:campaignId', async (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.json(await publicationLog(deps, c.req.param('campaignId')), 200);
  });
  // Checking a disclosure in the phone's browser (WebCrypto), or how to check by hand.
  app.get('/v', (c) => {
    const l = c.req.query('l');
    const head = c.req.query('head');
    return c.html(
      page(
        <VerifyPage link={typeof l === 'string' ? l.slice(0, 300) : ''} head={(head ?? '').slice(0, 64)} />,
      ),
    );
  });
  app.get('/p/:token', async (c) => {
    const token = c.req.param('token');
    const { disclosed, rectification } = await disclosurePage(deps, token);
    const { rectification: rectificationLog, ...report } = disclosed;
    c.header('cache-control', 'public, max-age=300');
    return c.html(
      page(
        <DisclosurePage
          {...report}
          rectification={rectification}
          rectificationLog={rectificationLog}
          jsonUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/api/public/disclosures/${token}`)}
          pageUrl={publicUrl(deps.config.PUBLIC_BASE_URL, `/p/${token}`)}
        />,
      ),
    );
  });
  return app;
}
