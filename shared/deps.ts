import { type Config, tableNames } from './config/env';
import { createDocumentClient, createDynamoClient, type DocumentClient } from './data/client';
import { createLogger, type Logger, type LogSink } from './log/logger';

/** What the app needs from the outside world; built once per process (Lambda cold start). */
export interface Deps {
  config: Config;
  db: DocumentClient;
  /** The main table. */
  tableName: string;
  /** The ballot box: codes, ballots, paper entries (no stream). */
  ballotBoxTableName: string;
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
    tableName: tableNames(config).main,
    ballotBoxTableName: tableNames(config).ballotBox,
    log: createLogger(config.LOG_LEVEL, overrides.logSink),
    now: overrides.now ?? (() => new Date()),
  };
}
