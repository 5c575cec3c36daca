import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md, guarded: arrows point down only, only the
 * repositories talk to DynamoDB, and no source file grows past 250 lines.
 */
const root = join(import.meta.dirname, '..');
const sourceDirs = ['shared', 'functions', 'cdk'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}
const sources = sourceDirs.flatMap(filesUnder);

/** Every import of a file: our own as tree paths (`shared/data/keys`), packages as they are named. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
  specs.push(...[...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? ''));
  return specs.map((s) => (s.startsWith('.') ? normalize(join(dirname(file), s)) : s));
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

interface Rule {
  what: string;
  from: (file: string) => boolean;
  refuses: (target: string) => boolean;
}
const dynamoSdk = (t: string) => /^@aws-sdk\/(client-dynamodb|lib-dynamodb|util-dynamodb)/.test(t);
const rules: Rule[] = [
  {
    what: 'routes, pages and views never import a repository or the data layer',
    from: (f) => under(f, 'shared/routes') || under(f, 'shared/views'),
    refuses: (t) => under(t, 'shared/data'),
  },
  {
    what: 'use cases never import http, routes or views',
    from: (f) => under(f, 'shared/usecases'),
    refuses: (t) => ['shared/http', 'shared/routes', 'shared/views', 'hono'].some((d) => under(t, d)),
  },
  {
    what: 'domain imports only domain, config and errors (and zod)',
    from: (f) => under(f, 'shared/domain'),
    refuses: (t) =>
      t.startsWith('shared/')
        ? !['shared/domain', 'shared/config', 'shared/errors'].some((d) => under(t, d))
        : !['zod', 'node:crypto', 'csv-parse'].some((p) => t === p || t.startsWith(`${p}/`)),
  },
  {
    what: 'only shared/data sends DynamoDB requests (and the local start creates its tables through it)',
    from: (f) => !under(f, 'shared/data') && !under(f, 'cdk'),
    refuses: dynamoSdk,
  },
  {
    what: 'views are pure functions of what they are given',
    from: (f) => under(f, 'shared/views'),
    refuses: (t) => ['shared/usecases', 'shared/routes', 'shared/auth'].some((d) => under(t, d)),
  },
];

describe('architecture', () => {
  it('finds the source tree', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(importsOf('shared/routes/api/reports.ts')).toContain('shared/usecases/report');
  });

  for (const rule of rules) {
    it(rule.what, () => {
      const broken = sources.filter(rule.from).flatMap((f) =>
        importsOf(f)
          .filter(rule.refuses)
          .map((t) => `${f} → ${t}`),
      );
      expect(broken).toEqual([]);
    });
  }

  it('no source file passes 250 lines', () => {
    const long = sources
      .map((f) => ({ f, lines: readFileSync(join(root, f), 'utf8').split('\n').length }))
      .filter((x) => x.lines > 250)
      .map((x) => `${relative(root, join(root, x.f))}: ${x.lines}`);
    expect(long).toEqual([]);
  });

  it('the console sends no HTTP request to itself', () => {
    const loopback = sources.filter((f) =>
      /\bapp\.request\(|\.fetch\(c\.req\.raw/.test(readFileSync(join(root, f), 'utf8')),
    );
    // The local/test composition forwards each request once to the function API Gateway would pick.
    expect(loopback).toEqual(['shared/app.ts']);
  });
});
