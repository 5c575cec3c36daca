import { handle } from 'hono/aws-lambda';
import { createApp } from '../shared/app';
import { loadConfig } from '../shared/config/env';
import { createDeps } from '../shared/deps';

// Built once per cold start; a bad environment fails here with the variable's name.
const app = createApp(createDeps(loadConfig()));

/** API Gateway HTTP API (payload 2.0) entry for every route of the app. */
export const handler = handle(app);
