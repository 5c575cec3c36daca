import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { hashPassword, verifyPassword } from '../shared/auth/password';
import { csrfMatches, csrfToken } from '../shared/auth/session';
import { accessPatterns } from '../shared/data/keys';
import { decodeCursor, encodeCursor, queryParams } from '../shared/data/query';
import { parseCsvRows } from '../shared/domain/csv-rows';
import { AppError } from '../shared/errors';
import { chinaTime, parseShare, percent, shareText } from '../shared/views/console/format';

describe('passwords', () => {
  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('Correct-Horse-9');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Correct-Horse-9', stored)).toBe(true);
    expect(await verifyPassword('correct-horse-9', stored)).toBe(false);
    expect(await verifyPassword('Correct-Horse-9', 'garbage')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('CSRF tokens', () => {
  it('match only their own session', () => {
    const token = csrfToken('s'.repeat(32), 'sid-1');
    expect(csrfMatches('s'.repeat(32), 'sid-1', token)).toBe(true);
    expect(csrfMatches('s'.repeat(32), 'sid-2', token)).toBe(false);
    expect(csrfMatches('s'.repeat(32), 'sid-1', undefined)).toBe(false);
  });
});

describe('queries', () => {
  it('builds a GSI query for an access pattern', () => {
    expect(queryParams('t', accessPatterns.unitsOfGroup('g1'), { limit: 10 })).toEqual({
      TableName: 't',
      IndexName: 'gsi2',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'gsi2pk' },
      ExpressionAttributeValues: { ':pk': 'GROUP#g1#UNITS' },
      Limit: 10,
      ScanIndexForward: true,
    });
  });

  it('builds a prefix query on the base table, newest first where asked', () => {
    const members = queryParams('t', accessPatterns.membersOfUnit('u1'), { limit: 5 });
    expect(members.KeyConditionExpression).toBe('#pk = :pk AND begins_with(#sk, :sk)');
    expect(members.ExpressionAttributeValues).toEqual({ ':pk': 'UNIT#u1', ':sk': 'MEMBER#' });
    expect(queryParams('t', accessPatterns.auditTrail(), { limit: 5 }).ScanIndexForward).toBe(false);
  });

  it('round-trips a cursor and refuses anything but key attributes', () => {
    const key = { pk: 'UNIT#u1', sk: 'MEMBER#m1' };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    const bad = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of [bad({ pk: 1 }), bad({ secret: 'x' }), bad([]), bad({}), 'not-base64-json']) {
      expect(() => decodeCursor(cursor)).toThrow(AppError);
    }
  });
});

describe('CSV rows', () => {
  const cols = [
    { field: 'name', headers: ['姓名', 'name'] },
    { field: 'n', headers: ['数量'] },
  ];
  const row = z.object({ name: z.string().min(1), n: z.coerce.number().int() });

  it('reads quoted cells, CRLF and a BOM, with line numbers', () => {
    const { rows, problems } = parseCsvRows('\uFEFF姓名,数量\r\n"王, 建国",3\r\n李四,x\r\n', cols, row, 10);
    expect(rows).toEqual([{ line: 2, value: { name: '王, 建国', n: 3 } }]);
    expect(problems.map((p) => p.path)).toEqual(['第3行“数量”']);
  });

  it('refuses too many rows', () => {
    expect(() => parseCsvRows('姓名,数量\na,1\nb,2\nc,3\n', cols, row, 2)).toThrow(/最多/);
  });
});

describe('console number formats', () => {
  it('shows shares as fractions and reads them back exactly', () => {
    expect(shareText(1 / 3)).toBe('1/3');
    expect(shareText(4 / 5)).toBe('4/5');
    expect(shareText(0.123456)).toBe('0.123456');
    expect(parseShare('1/3')).toBe(1 / 3);
    expect(parseShare(' 4 / 5 ')).toBe(4 / 5);
    expect(parseShare('0.5')).toBe(0.5);
    expect(parseShare('1/0')).toBe('1/0');
    expect(parseShare('abc')).toBe('abc');
  });

  it('prints China time and one-decimal percentages', () => {
    expect(chinaTime('2026-11-25T16:04:00.000Z')).toBe('2026-11-26 00:04');
    expect(percent(0.874)).toBe('87.4%');
    expect(percent(1 / 3)).toBe('33.3%');
  });
});
