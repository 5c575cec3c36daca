import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keeps the demo's ballot links in `<dataDir>/demo-ballot-links.txt` (the
 * table stores only hashes of codes, so this file is the only place they
 * live) and returns the lines to print: where the file is and a few links.
 */
export function demoBallotLinks(dataDir: string, minted: string[]): string[] {
  const file = join(dataDir, 'demo-ballot-links.txt');
  if (minted.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${minted.join('\n')}\n`);
  }
  if (!existsSync(file)) return [];
  const links = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return [
    `民主评议票 Ballots (${links.length} codes, one cast each; all in ${file}):`,
    ...links.slice(0, 3).map((l) => `  ${l}`),
  ];
}

/**
 * Keeps the first demo unit's personal links in `<dataDir>/demo-member-links.txt`
 * (written when they are issued) and returns the lines to print: the file and one link.
 */
export function demoMemberLinks(dataDir: string, issued: string[]): string[] {
  const file = join(dataDir, 'demo-member-links.txt');
  if (issued.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${issued.join('\n')}\n`);
  }
  if (!existsSync(file)) return [];
  const links = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return [
    `党性分析 Member links (${links.length}, personal, not anonymous; all in ${file}):`,
    `  ${links[0]}`,
  ];
}
