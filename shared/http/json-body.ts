import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validationError } from '../errors';

const jsonType = /^application\/([\w.-]+\+)?json$/i;

/**
 * Reads a JSON object body the way the console's OpenAPI routes do, without
 * their OpenAPI machinery (the public function stays small): another media
 * type is a 415, malformed JSON a 400, and anything but an object a 400
 * VALIDATION_FAILED. `app.onError` renders all three.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!jsonType.test(type)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError([{ path: '(root)', message: '应提交一个 JSON 对象' }]);
  }
  return body as Record<string, unknown>;
}
