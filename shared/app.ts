import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { sessionMiddleware } from './auth/middleware';
import type { Deps } from './deps';
import { notFound, payloadTooLarge } from './errors';
import { accessLog } from './http/access-log';
import type { AppEnv } from './http/env';
import { refusePrototypeKeys } from './http/json-guard';
import { createErrorHandler, renderError } from './http/on-error';
import { requestIds } from './http/request-id';
import { validationHook } from './http/validation';
import { apiRoutes } from './routes/api';
import { assetRoutes } from './routes/assets';
import { consoleRoutes } from './routes/console';
import { internalApi } from './routes/console/internal-api';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { ballotRoutes } from './routes/public/ballot';
import { disclosureRoutes } from './routes/public/disclosure';
import { opinionFormRoutes } from './routes/public/opinion-form';

/**
 * Builds the one Hono app. The Lambda entry (`functions/api.ts`) and the local
 * server (`shared/local/start.ts`) both serve what this returns.
 */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestIds());
  app.use(accessLog(deps.log));
  app.use(
    secureHeaders({
      // Pages load nothing from outside our origin: inline <style>, data: QR images, and scripts
      // only as same-origin files (no inline script runs, so injected markup cannot run any).
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(
    bodyLimit({
      maxSize: deps.config.BODY_LIMIT_BYTES,
      onError: () => {
        throw payloadTooLarge();
      },
    }),
  );

  app.use(refusePrototypeKeys());

  app.use('/api/*', sessionMiddleware(deps));
  app.use('/console/*', sessionMiddleware(deps));

  app.route('/', healthRoutes(deps));
  app.route('/', assetRoutes());
  app.route('/', apiRoutes(deps));
  app.route('/', opinionFormRoutes(deps));
  app.route('/', ballotRoutes(deps));
  app.route('/', disclosureRoutes(deps));
  app.route('/', docsRoutes(app));
  app.route('/', consoleRoutes(deps, internalApi(app)));
  app.get('/', (c) => c.redirect('/console', 302));

  app.notFound((c) => renderError(c, notFound()));
  app.onError(createErrorHandler(deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
