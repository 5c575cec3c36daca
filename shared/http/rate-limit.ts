/**
 * Token buckets kept in this process's memory, keyed by something that is
 * not a person (a round id): a brake on floods that stores no identity.
 * Each Lambda instance brakes on its own; API Gateway throttling covers the
 * whole deployment.
 */
export function createTokenBuckets(opts: { capacity: number; refillPerSecond: number; now?: () => number }) {
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one token for `key`; false when the bucket is empty. */
    take(key: string): boolean {
      const t = now();
      const b = buckets.get(key) ?? { tokens: opts.capacity, at: t };
      b.tokens = Math.min(opts.capacity, b.tokens + ((t - b.at) / 1000) * opts.refillPerSecond);
      b.at = t;
      if (buckets.size > 10_000) buckets.clear();
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
