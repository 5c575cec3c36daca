import { Hono } from 'hono';
import { createConsoleApp } from './app-console';
import { createPublicApp } from './app-public';
import type { Config } from './config/env';
import type { Deps } from './deps';
import { isPublicPath } from './http/public-paths';

/**
 * Both functions' apps in one, for the local server and the tests: each
 * request goes to the app API Gateway would send it to (the same path list).
 */
export function createApp(deps: Deps<Config>) {
  const publicApp = createPublicApp(deps);
  const consoleApp = createConsoleApp(deps);
  const app = new Hono().all('*', (c) =>
    (isPublicPath(c.req.path) ? publicApp : consoleApp).fetch(c.req.raw, c.env),
  );
  // Every route of both apps, for the tests that check each is documented and authorized.
  return Object.assign(app, { allRoutes: [...publicApp.routes, ...consoleApp.routes] });
}

export type App = ReturnType<typeof createApp>;
