/**
 * The app's error kinds, with no HTTP in them. Domain rules, repositories and
 * use cases throw these; `shared/http/status.ts` maps each kind to a status
 * and `app.onError` renders it as JSON or as a Chinese page.
 */
export type ErrorKind =
  | 'invalid' // the input breaks a rule (field problems in details)
  | 'unauthenticated'
  | 'forbidden' // inside the caller's scope, but not theirs to do
  | 'notFound' // missing, or outside the caller's scope
  | 'conflict' // clashes with the current state
  | 'gone' // closed, revoked, over
  | 'locked'
  | 'tooLarge'
  | 'unsupportedMedia'
  | 'tooMany'
  | 'unavailable'
  | 'internal';

/** One problem with one input field; `path` is the field's location, e.g. `members.3.grade`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error type of the app: a kind, a stable code, a Chinese message and field problems. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (details: FieldProblem[], message = '提交的内容有误，请检查后重试') =>
  new AppError('invalid', 'VALIDATION_FAILED', message, details);

export const badRequest = (code: string, message: string) => new AppError('invalid', code, message);

export const unauthorized = (message = '请先登录', code = 'UNAUTHENTICATED') =>
  new AppError('unauthenticated', code, message);

export const forbidden = (message = '没有权限执行此操作', code = 'FORBIDDEN') =>
  new AppError('forbidden', code, message);

export const notFound = (message = '找不到您要的内容') => new AppError('notFound', 'NOT_FOUND', message);

export const conflict = (code: string, message: string) => new AppError('conflict', code, message);

export const gone = (code: string, message: string) => new AppError('gone', code, message);

export const locked = (code: string, message: string) => new AppError('locked', code, message);

export const payloadTooLarge = () => new AppError('tooLarge', 'PAYLOAD_TOO_LARGE', '提交的内容太长');

export const tooManyRequests = () =>
  new AppError('tooMany', 'TOO_MANY_REQUESTS', '提交的人太多了，请稍后再试');

export const unavailable = (message = '服务暂时不可用，请稍后再试') =>
  new AppError('unavailable', 'UNAVAILABLE', message);
