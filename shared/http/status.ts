import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorKind } from '../errors';

/** The HTTP status of each error kind: the one place the app's errors meet HTTP. */
export const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  gone: 410,
  locked: 423,
  tooLarge: 413,
  unsupportedMedia: 415,
  tooMany: 429,
  unavailable: 503,
  internal: 500,
};
