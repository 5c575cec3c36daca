import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { HtmlEscapedString } from 'hono/utils/html';
import { AppError, fail, failWith, payloadTooLarge } from '../errors';
import type { Logger } from '../log/logger';
import { ErrorPage } from '../views/error-page';
import { page } from '../views/page';
import { statusOf } from './status';
import { wantsJson } from './wants-json';

/** Maps anything thrown to a known AppError; unknown errors become a plain 500. */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return payloadTooLarge();
    if (err.status === 415) {
      return fail('UNSUPPORTED_MEDIA_TYPE');
    }
    if (err.status >= 400 && err.status < 500) return fail('BAD_REQUEST');
  }
  return undefined;
}

/** How a page shows an error it could not help: its own Chinese notice. */
export type ErrorView = (error: AppError) => HtmlEscapedString | Promise<HtmlEscapedString>;
const errorViews = new WeakMap<Context, ErrorView>();

/**
 * Says how the page being answered shows an error the person can act on (a
 * public page's notice, keeping what they typed); the page then throws like
 * any route, and the error mapper answers a client error (4xx) with that
 * view, always as HTML, with the status of the error's kind. A server failure
 * keeps the one error page. Called again, the later view wins.
 */
export function showErrorsAs(c: Context, view: ErrorView): void {
  errorViews.set(c, view);
}

/** Renders an AppError as the JSON error model or as a Chinese page, with its kind's status. */
export function renderError(c: Context, error: AppError) {
  const status = statusOf[error.kind];
  const view = errorViews.get(c);
  if (view && status < 500) return c.html(view(error), status);
  if (wantsJson(c)) {
    return c.json({ error: { code: error.code, message: error.message, details: error.details } }, status);
  }
  // The code helps the office's support on console pages; the masses get the words alone.
  const code = c.req.path.startsWith('/console') ? error.code : undefined;
  return c.html(page(ErrorPage({ status, code, message: error.message })), status);
}

/**
 * The single error mapper (`app.onError`). Known errors keep their kind and
 * code; anything else is logged with the request id and answered with a plain
 * 500 that carries nothing internal.
 */
export function createErrorHandler(log: Logger) {
  return function onError(err: Error, c: Context) {
    const known = toAppError(err);
    if (known) return renderError(c, known);
    const requestId = c.get('requestId');
    // The message and the stack's first line can quote input (a key, a path value): frames only.
    log.error('unhandled error', {
      requestId,
      route: c.req.routePath,
      error: err.name,
      stack: err.stack?.split('\n').slice(1).join('\n'),
    });
    return renderError(c, failWith('INTERNAL', [{ path: 'requestId', message: requestId }], requestId));
  };
}
