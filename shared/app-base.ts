import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps';
import { notFound, payloadTooLarge } from './errors';
import { accessLog } from './http/access-log';
import type { AppEnv } from './http/env';
import { refusePrototypeKeys } from './http/json-guard';
import { createErrorHandler, renderError } from './http/on-error';
import { refuseLongPaths } from './http/path-guard';
import { requestIds } from './http/request-id';

/**
 * What every function's app has, whatever its routes: request ids, the access
 * log, security headers, the body limit, the `__proto__` guard, the path-length guard, and one error
 * mapper and 404 page. Call before adding routes.
 */
export function withBase<A extends Hono<AppEnv>>(app: A, deps: Deps): A {
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
  app.use(refuseLongPaths());
  // API Gateway's HTTP API does not compress: pages and JSON go out gzip- or deflate-encoded
  // when the browser asks (compress() leaves small bodies and images as they are).
  app.use(compress());
  app.notFound((c) => renderError(c, notFound()));
  app.onError(createErrorHandler(deps.log));
  return app;
}
