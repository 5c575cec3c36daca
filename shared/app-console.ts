import { OpenAPIHono } from '@hono/zod-openapi';
import { withBase } from './app-base';
import { sessionMiddleware } from './auth/middleware';
import type { Deps } from './deps';
import type { AppEnv } from './http/env';
import { validationHook } from './http/validation';
import { apiRoutes } from './routes/api';
import { consoleRoutes } from './routes/console';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { publicRouteDocs } from './routes/public/openapi';

/**
 * The `console` function's app: the signed-in pages, the JSON API and its
 * reference (which also describes the public JSON routes).
 */
export function createConsoleApp(deps: Deps) {
  const app = withBase(new OpenAPIHono<AppEnv>({ defaultHook: validationHook }), deps);
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/console/*', sessionMiddleware(deps));
  app.route('/', healthRoutes(deps));
  app.route('/', apiRoutes(deps));
  for (const route of publicRouteDocs) app.openAPIRegistry.registerPath(route);
  app.route('/', docsRoutes(app));
  app.route('/', consoleRoutes(deps));
  app.get('/', (c) => c.redirect('/console', 302));
  return app;
}
