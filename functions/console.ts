import { handle } from 'hono/aws-lambda';
import { createConsoleApp } from '../shared/app-console';
import { loadConsoleConfig } from '../shared/config/env';
import { withSecrets } from '../shared/config/secrets';
import { createDeps } from '../shared/deps';

// Built once per cold start: the secrets are read from Secrets Manager by ARN (or taken from the
// environment outside AWS); a bad environment fails here with the variable's name.
const app = createConsoleApp(createDeps(loadConsoleConfig(await withSecrets(process.env))));

/** API Gateway HTTP API (payload 2.0) entry for the signed-in pages and the JSON API. */
export const handler = handle(app);
