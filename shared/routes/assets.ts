import { Hono } from 'hono';
import { consoleScript, consoleScriptPath } from '../views/confirm-script';
import { faviconPath, faviconSvg } from '../views/favicon';
import { formScript, formScriptPath } from '../views/public/form-script';
import { verifyScript, verifyScriptPath } from '../views/public/verify-script';

const cached = { 'cache-control': 'public, max-age=86400, immutable' };
const js = { 'content-type': 'text/javascript; charset=utf-8', ...cached };
const svg = { 'content-type': 'image/svg+xml', ...cached };

/** Static files of our own: versioned names, cached for a day; the icon also at /favicon.ico. */
export function assetRoutes() {
  return new Hono()
    .get(formScriptPath, (c) => c.body(formScript, 200, js))
    .get(consoleScriptPath, (c) => c.body(consoleScript, 200, js))
    .get(verifyScriptPath, (c) => c.body(verifyScript, 200, js))
    .get(faviconPath, (c) => c.body(faviconSvg, 200, svg))
    .get('/favicon.ico', (c) => c.body(faviconSvg, 200, svg));
}
