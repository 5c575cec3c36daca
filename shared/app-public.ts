import { Hono } from 'hono';
import { withBase } from './app-base';
import type { PublicDeps } from './deps';
import type { AppEnv } from './http/env';
import { assetRoutes } from './routes/assets';
import { healthRoutes } from './routes/health';
import { ballotRoutes } from './routes/public/ballot';
import { disclosureRoutes } from './routes/public/disclosure';
import { evaluationRoutes } from './routes/public/evaluation';
import { memberRoutes } from './routes/public/member';
import { opinionFormRoutes } from './routes/public/opinion-form';
import { publicBrakes } from './routes/public/submission';

/**
 * The `public` function's app: the masses' pages and submissions, nothing
 * else. It must not import console views, exports, QR generation or OpenAPI
 * (`test/public-bundle.test.ts` checks the bundle), so it starts fast.
 */
export function createPublicApp(deps: PublicDeps) {
  const app = withBase(new Hono<AppEnv>(), deps);
  const brakes = publicBrakes(deps.config);
  app.route('/', healthRoutes(deps));
  app.route('/', assetRoutes());
  app.route('/', opinionFormRoutes(deps, brakes));
  app.route('/', ballotRoutes(deps, brakes));
  app.route('/', evaluationRoutes(deps, brakes));
  app.route('/', disclosureRoutes(deps));
  app.route('/', memberRoutes(deps));
  return app;
}
