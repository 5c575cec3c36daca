import { handle } from 'hono/aws-lambda';
import { createPublicApp } from '../shared/app-public';
import { loadConfig } from '../shared/config/env';
import { unusedSecret, withSecrets } from '../shared/config/secrets';
import { createDeps } from '../shared/deps';

// Built once per cold start. The public app signs no sessions and is never given SESSION_SECRET;
// a random value fills that setting, so nothing it could sign would be accepted anywhere else.
const app = createPublicApp(
  createDeps(loadConfig({ SESSION_SECRET: unusedSecret(), ...(await withSecrets(process.env)) })),
);

/** API Gateway HTTP API (payload 2.0) entry for the masses' pages and submissions. */
export const handler = handle(app);
