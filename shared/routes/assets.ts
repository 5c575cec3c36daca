import { Hono } from 'hono';
import { formScript, formScriptPath } from '../views/public/form-script';

/** Static files of our own: versioned names, cached for a day. */
export function assetRoutes() {
  return new Hono().get(formScriptPath, (c) =>
    c.body(formScript, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400, immutable',
    }),
  );
}
