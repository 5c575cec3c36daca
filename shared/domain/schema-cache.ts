/**
 * Builds a value once per key and keeps the most recent `max` of them.
 * For per-round and per-vote schemas: zod compiles a new schema on its first
 * parse, which cost ~2 ms of CPU per submission when built for every request.
 * A key must name everything the built value depends on.
 */
export function cachedBy<A, V>(keyOf: (a: A) => string, build: (a: A) => V, max = 500): (a: A) => V {
  const cache = new Map<string, V>();
  return (a) => {
    const key = keyOf(a);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = build(a);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
