import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../log/logger';
import { ErrorPage } from '../views/error-page';
import { page } from '../views/page';
import { AppError, payloadTooLarge } from './errors';
import { wantsJson } from './wants-json';

/** Maps anything thrown to a known AppError; unknown errors become a plain 500. */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return payloadTooLarge();
    if (err.status === 400) return new AppError(400, 'BAD_REQUEST', '请求格式有误');
  }
  return undefined;
}

/** Renders an AppError as the JSON error model or as a Chinese page. */
export function renderError(c: Context, error: AppError) {
  if (wantsJson(c)) {
    return c.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      error.status,
    );
  }
  return c.html(
    page(ErrorPage({ status: error.status, code: error.code, message: error.message })),
    error.status,
  );
}

/**
 * The single error mapper (`app.onError`). Known errors keep their status and
 * code; anything else is logged with the request id and answered with a plain
 * 500 that carries nothing internal.
 */
export function createErrorHandler(log: Logger) {
  return function onError(err: Error, c: Context) {
    const known = toAppError(err);
    if (known) return renderError(c, known);
    const requestId = c.get('requestId');
    log.error('unhandled error', {
      requestId,
      route: c.req.routePath,
      error: err.name,
      detail: err.message,
      stack: err.stack,
    });
    return renderError(
      c,
      new AppError(500, 'INTERNAL', `服务器内部错误，请稍后再试（请求编号 ${requestId}）`, [
        { path: 'requestId', message: requestId },
      ]),
    );
  };
}
