import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem with one input field; `path` is the field's location, e.g. `members.3.grade`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * The one error type of the app. Code throws it; `app.onError` turns it into
 * `{ error: { code, message, details } }` with `status`, or a Chinese page.
 */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (details: FieldProblem[], message = '提交的内容有误，请检查后重试') =>
  new AppError(400, 'VALIDATION_FAILED', message, details);

export const badRequest = (code: string, message: string) => new AppError(400, code, message);

export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);

export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', message);

export const notFound = (message = '找不到您要的内容') => new AppError(404, 'NOT_FOUND', message);

export const conflict = (code: string, message: string) => new AppError(409, code, message);

export const gone = (code: string, message: string) => new AppError(410, code, message);

export const payloadTooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容太长');

export const tooManyRequests = () => new AppError(429, 'TOO_MANY_REQUESTS', '提交的人太多了，请稍后再试');

export const unavailable = (message = '服务暂时不可用，请稍后再试') =>
  new AppError(503, 'UNAVAILABLE', message);
