import type { Hook } from '@hono/zod-openapi';
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { type FieldProblem, validationError } from '../errors';

// Validation messages in Chinese: the people filling in forms read Chinese.
// The one locale, imported by itself: `z.locales` would bundle all of them (~260 KB).
z.config(zhCN());

/** Turns zod issues into field problems with dotted paths (`members.3.grade`). */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * The validation hook of every route: a failed body, query or param check
 * becomes a 400 VALIDATION_FAILED with field paths, thrown to `onError`.
 */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of any shape
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) throw validationError(zodProblems(result.error));
};
