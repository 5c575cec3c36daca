import type { Context } from 'hono';
import { fail } from '../errors';

type FormValue = string | File;

/**
 * Reads a form post (urlencoded or multipart). A body the browser could not
 * have sent (a multipart body without its boundary, a cut-off part) is a 400,
 * never a 500. With `all`, repeated fields come as arrays.
 */
export async function readForm(c: Context): Promise<Record<string, FormValue>>;
export async function readForm(
  c: Context,
  options: { all: true },
): Promise<Record<string, FormValue | FormValue[]>>;
export async function readForm(c: Context, options?: { all: true }) {
  try {
    return options ? await c.req.parseBody(options) : await c.req.parseBody();
  } catch {
    throw fail('BAD_FORM');
  }
}
