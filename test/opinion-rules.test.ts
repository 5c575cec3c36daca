import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../shared/domain/canonical-json';
import { chinaDay } from '../shared/domain/china-day';
import { maskPersonalData } from '../shared/domain/mask';
import { csvField, safeCell, toCsv } from '../shared/domain/spreadsheet-cells';
import { suppressAdditive, suppressIndependent } from '../shared/domain/suppress';
import { createTokenBuckets } from '../shared/http/rate-limit';
import { receiptFor } from '../shared/usecases/receipt';

describe('masking personal data', () => {
  it.each([
    ['电话13812345678', '电话***********'],
    ['电话 +86 138-1234-5678 找我', '电话 +** ***-****-**** 找我'],
    ['座机010-62345678', '座机***-********'],
    ['身份证11010519491231002X。', '身份证******************。'],
    ['旧证110105491231002', '旧证***************'],
    ['邮箱 li.si@example.cn 联系', '邮箱 **.**@*******.** 联系'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it('leaves ordinary numbers and text alone', () => {
    for (const text of ['2026年11月加班30小时', '第3车间12名工人', '工资少发了1500元']) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });

  it('never leaves an 11-digit mobile number readable', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.string({ maxLength: 20 }),
        (a, phone, b) => {
          const masked = maskPersonalData(`${a} ${phone} ${b}`);
          return !masked.includes(phone);
        },
      ),
    );
  });
});

describe('spreadsheet cells', () => {
  it('neutralises cells that could start a formula', () => {
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(safeCell(c)).toBe(`'${c}`);
    expect(safeCell('意见')).toBe('意见');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
  });

  it('writes a BOM and CRLF rows', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('\uFEFFa,b\r\nc,d\r\n');
  });
});

describe('suppression of small groups', () => {
  const counts = fc.dictionary(
    fc.constantFrom('member', 'mass', 'unspecified', 'x', 'y'),
    fc.nat({ max: 30 }),
    {
      minKeys: 1,
    },
  );
  const k = fc.integer({ min: 2, max: 10 });

  it('shows no cell of 1..k-1, and the hidden cells together hold 0 or at least k people', () => {
    fc.assert(
      fc.property(counts, k, (c, kk) => {
        const { cells, total } = suppressAdditive(c, kk);
        const all = Object.values(c).reduce((s, n) => s + n, 0);
        if (total === null) return all > 0 && all < kk && cells.every((x) => x.count === null);
        const visible = cells.filter((x) => x.count !== null);
        if (visible.some((x) => (x.count ?? 0) > 0 && (x.count ?? 0) < kk)) return false;
        // What subtraction from the total reveals: the sum of the hidden cells.
        const derived = total - visible.reduce((s, x) => s + (x.count ?? 0), 0);
        return derived === 0 || derived >= kk;
      }),
    );
  });

  it('hides a second cell where one hidden cell could be worked out', () => {
    const { cells } = suppressAdditive({ member: 2, mass: 10, unspecified: 7 }, 5);
    expect(cells).toEqual([
      { key: 'member', count: null },
      { key: 'mass', count: 10 },
      { key: 'unspecified', count: null },
    ]);
  });

  it('hides everything when the total is below k', () => {
    expect(suppressAdditive({ a: 1, b: 2 }, 5)).toEqual({
      cells: [
        { key: 'a', count: null },
        { key: 'b', count: null },
      ],
      total: null,
    });
  });

  it('hides only small cells of a multiple-choice breakdown', () => {
    expect(suppressIndependent({ a: 0, b: 3, c: 9 }, 5)).toEqual([
      { key: 'a', count: 0 },
      { key: 'b', count: null },
      { key: 'c', count: 9 },
    ]);
  });
});

describe('small helpers', () => {
  it('derives a stable short receipt from a submission id', () => {
    const r = receiptFor('s'.repeat(32), 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(r).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(receiptFor('s'.repeat(32), 'AAAAAAAAAAAAAAAAAAAAAA')).toBe(r);
    expect(receiptFor('s'.repeat(32), 'BAAAAAAAAAAAAAAAAAAAAA')).not.toBe(r);
  });

  it('takes the China day of an instant', () => {
    expect(chinaDay(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(chinaDay(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  it('hashes content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, 2] }, b: 1 }),
    );
  });

  it('brakes a flood per round and refills over time', () => {
    let now = 0;
    const buckets = createTokenBuckets({ capacity: 3, refillPerSecond: 1, now: () => now });
    expect([1, 2, 3, 4].map(() => buckets.take('r1'))).toEqual([true, true, true, false]);
    expect(buckets.take('r2')).toBe(true);
    now += 1000;
    expect(buckets.take('r1')).toBe(true);
    expect(buckets.take('r1')).toBe(false);
  });
});
