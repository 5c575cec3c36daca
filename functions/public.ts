import { handle } from 'hono/aws-lambda';
import { createPublicApp } from '../shared/app-public';
import { loadPublicConfig } from '../shared/config/env';
import { withSecrets } from '../shared/config/secrets';
import { createDeps } from '../shared/deps';

// Built once per cold start: the code-hash secret is read from Secrets Manager by ARN (or taken
// from the environment outside AWS); a bad environment fails here with the variable's name. The
// public app signs no sessions: it neither gets nor reads SESSION_SECRET.
const app = createPublicApp(createDeps(loadPublicConfig(await withSecrets(process.env))));

/** API Gateway HTTP API (payload 2.0) entry for the masses' pages and submissions. */
export const handler = handle(app);
