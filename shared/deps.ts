import type { Config } from './config/env';
import { createDocumentClient, createDynamoClient, type DocumentClient } from './data/client';
import { createLogger, type Logger, type LogSink } from './log/logger';

/** What the app needs from the outside world; built once per process (Lambda cold start). */
export interface Deps {
  config: Config;
  db: DocumentClient;
  tableName: string;
  log: Logger;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}

/** Builds the real dependencies from a loaded configuration. */
export function createDeps(config: Config, overrides: { logSink?: LogSink; now?: () => Date } = {}): Deps {
  const client = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  return {
    config,
    db: createDocumentClient(client),
    tableName: config.TABLE_NAME,
    log: createLogger(config.LOG_LEVEL, overrides.logSink),
    now: overrides.now ?? (() => new Date()),
  };
}
