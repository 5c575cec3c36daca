import type { MiddlewareHandler } from 'hono';
import { fail } from '../errors';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a JSON body with a `__proto__` key anywhere (400). Parsed into a
 * plain object such a key would be dropped without a word, although unknown
 * fields are a 400 everywhere else. A body that is not valid JSON is left to
 * the route's validator.
 */
export function refusePrototypeKeys(): MiddlewareHandler {
  return async function jsonGuard(c, next) {
    const type = c.req.header('content-type') ?? '';
    if (unsafe.has(c.req.method) && /json/i.test(type)) {
      let found = false;
      try {
        JSON.parse(await c.req.text(), (key, value) => {
          if (key === '__proto__') found = true;
          return value;
        });
      } catch {
        // not JSON: the validator answers it
      }
      if (found) throw fail('FORBIDDEN_KEY');
    }
    await next();
  };
}
