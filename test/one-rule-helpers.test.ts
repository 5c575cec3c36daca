import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Groups } from '../shared/domain/base32';
import { canonicalJson, hashOf } from '../shared/domain/canonical-json';
import { belowK } from '../shared/domain/suppress';
import { votePhase } from '../shared/domain/time-window';

describe('rules that live in one function', () => {
  it('withholds a count of some but fewer than k, and never none or k and more', () => {
    expect([0, 1, 4, 5, 6].map((n) => belowK(n, 5))).toEqual([false, true, true, false, false]);
    fc.assert(
      fc.property(fc.nat(100), fc.integer({ min: 1, max: 50 }), (n, k) => belowK(n, k) === (n > 0 && n < k)),
    );
  });

  it('hashes the canonical JSON, whatever the order of keys', () => {
    const sha = (s: string) => createHash('sha256').update(s).digest();
    expect(hashOf({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(hashOf({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(hashOf({ a: 1 })).toBe(sha('{"a":1}').toString('hex'));
    expect(hashOf({ a: 1 }, 'base64url')).toBe(sha(canonicalJson({ a: 1 })).toString('base64url'));
  });

  it('writes bytes in Crockford’s base32, four characters to a group', () => {
    expect(base32Groups(new Uint8Array(5))).toBe('0000-0000');
    expect(base32Groups(Uint8Array.from([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ');
    expect(base32Groups(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) =>
        /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/.test(base32Groups(bytes)),
      ),
    );
  });

  it('gives a review session and an evaluation their phase by the same rule', () => {
    const w = { opensAt: '2026-01-02T00:00:00.000Z', closesAt: '2026-01-03T00:00:00.000Z' };
    const at = (iso: string) => new Date(iso);
    expect(votePhase(w, at('2026-01-01T00:00:00.000Z'))).toBe('notYetOpen');
    expect(votePhase(w, at('2026-01-02T12:00:00.000Z'))).toBe('open');
    expect(votePhase(w, at('2026-01-03T00:00:00.000Z'))).toBe('closed');
    expect(
      votePhase({ ...w, closedEarlyAt: '2026-01-02T01:00:00.000Z' }, at('2026-01-02T12:00:00.000Z')),
    ).toBe('closed');
    expect(votePhase({ ...w, countedAt: '2026-01-03T01:00:00.000Z' }, at('2026-01-04T00:00:00.000Z'))).toBe(
      'counted',
    );
  });
});
