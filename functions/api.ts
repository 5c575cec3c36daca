import { handle } from 'hono/aws-lambda';
import { createApp } from '../shared/app';
import { loadConfig } from '../shared/config/env';
import { withSecrets } from '../shared/config/secrets';
import { createDeps } from '../shared/deps';

// Built once per cold start: the secrets are read from Secrets Manager by ARN (or taken from the
// environment outside AWS); a bad environment fails here with the variable's name.
const app = createApp(createDeps(loadConfig(await withSecrets(process.env))));

/** API Gateway HTTP API (payload 2.0) entry for every route of the app. */
export const handler = handle(app);
