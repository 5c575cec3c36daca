import type { Hook } from '@hono/zod-openapi';
import { zodProblems } from '../domain/input';
import { validationError } from '../errors';

/**
 * The validation hook of every route: a failed body, query or param check
 * becomes a 400 VALIDATION_FAILED with field paths, thrown to `onError`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of any shape
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) throw validationError(zodProblems(result.error));
};
