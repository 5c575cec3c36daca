import type { AggregatorConfig, BaseConfig, ConsoleConfig, PublicConfig, WebConfig } from './config/env';
import { tableNames } from './config/env';
import { createDocumentClient, createDynamoClient, type DocumentClient } from './data/client';
import { createLogger, type Logger, type LogSink } from './log/logger';

/**
 * What the app needs from the outside world; built once per process (Lambda
 * cold start). `config` holds the settings of the function it was built for:
 * by default those both request-serving functions have (what the routes and
 * use cases may read); the aggregator's carry only the base settings.
 */
export interface Deps<C extends BaseConfig = WebConfig> {
  config: C;
  db: DocumentClient;
  /** The main table. */
  tableName: string;
  /** The ballot box: codes, ballots, paper entries (no stream). */
  ballotBoxTableName: string;
  log: Logger;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}
export type PublicDeps = Deps<PublicConfig>;
export type ConsoleDeps = Deps<ConsoleConfig>;
export type AggregatorDeps = Deps<AggregatorConfig>;

/** Builds the real dependencies from a loaded configuration (any function's). */
export function createDeps<C extends BaseConfig>(
  config: C,
  overrides: { logSink?: LogSink; now?: () => Date } = {},
): Deps<C> {
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

/**
 * The secret that signs console sessions and CSRF tokens. Only the console
 * function is given one (and the local start, which serves it): reaching for
 * it from any other function is a wiring mistake, refused loudly rather than
 * signed with a stand-in.
 */
export function sessionSecretOf(deps: { config: BaseConfig }): string {
  const secret = (deps.config as Partial<ConsoleConfig>).SESSION_SECRET;
  if (!secret) throw new Error('SESSION_SECRET belongs to the console function, which this is not');
  return secret;
}
