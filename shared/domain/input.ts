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
 * Parses a request's input with its schema: the value typed, or a 400
 * VALIDATION_FAILED naming each field. Every surface (JSON route, console
 * form, public page) parses through here or through the routes' hook, which
 * gives the same answer.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(zodProblems(parsed.error));
  return parsed.data;
}
