import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes, fail, kindOf } from '../shared/errors';
import { statusOf } from '../shared/http/status';

const root = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('the error catalogue', () => {
  it('is the only place an error is given its code, kind and message', () => {
    const elsewhere = sources('shared')
      .filter((f) => f !== join('shared', 'errors.ts'))
      .filter((f) =>
        /new AppError\(|\b(conflict|gone|badRequest|locked)\(\s*['`]/.test(
          readFileSync(join(root, f), 'utf8'),
        ),
      );
    expect(elsewhere).toEqual([]);
  });

  it('gives every code one kind and a Chinese message', () => {
    expect(errorCodes.length).toBeGreaterThan(60);
    for (const code of errorCodes) {
      const e = fail(code as never);
      expect(e.kind, code).toBe(kindOf(code));
      expect(e.message, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers a vote or round that is over with 410 wherever it is met', () => {
    for (const code of ['ROUND_CLOSED', 'SESSION_CLOSED', 'EVALUATION_CLOSED'] as const) {
      expect(statusOf[kindOf(code)], code).toBe(410);
    }
  });
});
