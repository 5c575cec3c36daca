import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

const secretsFile = z.object({ SESSION_SECRET: z.string().min(32), CODE_HASH_SECRET: z.string().min(32) });
export type LocalSecrets = z.infer<typeof secretsFile>;

/**
 * The local start's secrets: made once, kept in `<dataDir>/secrets.json`
 * (gitignored with the data) so sign-ins and ballot codes survive a restart.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return secretsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('hex'),
    CODE_HASH_SECRET: randomBytes(32).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
