import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 of a value's canonical JSON: what a frozen thing (sealed
 * results, an approved report, an opinion's content) carries to be checked.
 * Hex unless asked otherwise.
 */
export function hashOf(value: unknown, encoding: 'hex' | 'base64url' = 'hex'): string {
  return createHash('sha256').update(canonicalJson(value)).digest(encoding);
}
