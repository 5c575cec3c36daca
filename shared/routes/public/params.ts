import type { Context } from 'hono';
import { validationError } from '../../errors';

/** A path parameter that fails its pattern: 400 VALIDATION_FAILED naming it, as the console's routes answer. */
export function checkParam(name: string, value: string, ok: (v: string) => boolean): string {
  if (!ok(value)) throw validationError([{ path: name, message: '格式不正确' }]);
  return value;
}

/** A query parameter for a schema to check: its value, or every value when it is repeated. */
export function oneQuery(c: Context, name: string): string | string[] | undefined {
  const values = c.req.queries(name) ?? [];
  return values.length > 1 ? values : values[0];
}
