/**
 * Memoises `load` per key for `ttlMs` in this process (a Lambda instance).
 * For definitions the hot paths read on every submission (a round, a review
 * session); each caller says what a stale entry may cost.
 */
export function ttlCache<T>(load: (key: string) => Promise<T | undefined>, ttlMs: number, maxEntries = 1000) {
  const entries = new Map<string, { value: T; at: number }>();
  return async (key: string): Promise<T | undefined> => {
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = await load(key);
    if (entries.size >= maxEntries) entries.clear();
    if (value !== undefined) entries.set(key, { value, at: Date.now() });
    return value;
  };
}
