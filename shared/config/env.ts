import * as z from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const port = z.coerce.number().int().min(0).max(65535);

const tableName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3-255 characters of letters, digits, _ . -');

const secret = z.string().min(32, 'must be at least 32 characters');

/** What every function reads: where the tables are, and how much to log. */
const baseSchema = z.object({
  TABLE_NAME: tableName.default('xjx-appraisal'),
  /** The ballot box table (codes, ballots, paper entries); defaults to TABLE_NAME + "-ballot-box". */
  BALLOT_BOX_TABLE_NAME: tableName.optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  /** Points the DynamoDB client somewhere other than AWS (DynamoDB Local). */
  DYNAMODB_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** What both functions that answer requests (public and console) read besides. */
const webSchema = baseSchema.extend({
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(6_000_000)
    .default(64 * 1024),
  /** Secret that keys the hash of ballot codes (and receipts); at least 32 characters. */
  CODE_HASH_SECRET: secret,
  /**
   * Our public origin, e.g. https://pingyi.example.cn: every link and QR code is built from it (never
   * from request headers), and cookie-authenticated writes must come from it. The local start sets
   * http://localhost:$PORT; CDK sets the API's URL unless told a domain.
   */
  PUBLIC_BASE_URL: z.url().transform((u) => new URL(u).origin),
});

/** The public function: the masses' pages, with the flood brake; it signs no sessions. */
const publicSchema = webSchema.extend({
  /** Flood brake per round or review session, per instance: burst size and refill per second. */
  FLOOD_BURST: z.coerce.number().int().min(1).default(300),
  FLOOD_PER_SECOND: z.coerce.number().min(0.1).default(10),
});

/** The console function: signed-in pages and the API, whose sessions it signs. */
const consoleSchema = webSchema.extend({
  /** Secret that signs console session tokens; at least 32 characters. */
  SESSION_SECRET: secret,
});

/** Everything, for one process serving both apps and the aggregator (the local start, the tests). */
const schema = publicSchema.extend(consoleSchema.shape);

/** Variables only the local start reads. */
const localSchema = z.object({
  PORT: port.min(1).default(3000),
  DYNAMODB_PORT: port.default(0),
  DATA_DIR: z.string().min(1).default('.data'),
  SEED_DEMO: booleanFlag.default(true),
});

/** The settings every function has. */
export type BaseConfig = z.infer<typeof baseSchema>;
/** The aggregator's settings: the base ones, nothing else (it signs nothing and builds no links). */
export type AggregatorConfig = BaseConfig;
/** The settings both request-serving functions have. */
export type WebConfig = z.infer<typeof webSchema>;
export type PublicConfig = z.infer<typeof publicSchema>;
export type ConsoleConfig = z.infer<typeof consoleSchema>;
/** Every setting: the local start and the tests run all three functions in one process. */
export type Config = z.infer<typeof schema>;
export type LocalConfig = z.infer<typeof localSchema>;

/** The variables each function's configuration reads, for the stack to pass no other. */
export const configVariables = {
  public: Object.keys(publicSchema.shape) as (keyof PublicConfig)[],
  console: Object.keys(consoleSchema.shape) as (keyof ConsoleConfig)[],
  aggregator: Object.keys(baseSchema.shape) as (keyof AggregatorConfig)[],
};

/** The names of the app's two tables under this configuration. */
export const tableNames = (config: Pick<BaseConfig, 'TABLE_NAME' | 'BALLOT_BOX_TABLE_NAME'>) => ({
  main: config.TABLE_NAME,
  ballotBox: config.BALLOT_BOX_TABLE_NAME ?? `${config.TABLE_NAME}-ballot-box`,
});

/** Thrown when the environment is missing or malforms a variable; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function parse<S extends z.ZodType>(s: S, env: Env): z.infer<S> {
  // Empty strings count as unset so `FOO= npm start` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = s.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

/** Reads every setting once (local start, tests), failing fast with the names of bad variables. */
export function loadConfig(env: Env = process.env): Config {
  return parse(schema, env);
}

/** Reads the public function's settings: no session secret. */
export function loadPublicConfig(env: Env = process.env): PublicConfig {
  return parse(publicSchema, env);
}

/** Reads the console function's settings: no flood brake. */
export function loadConsoleConfig(env: Env = process.env): ConsoleConfig {
  return parse(consoleSchema, env);
}

/** Reads the aggregator's settings: the tables, the region and the log level only. */
export function loadAggregatorConfig(env: Env = process.env): AggregatorConfig {
  return parse(baseSchema, env);
}

/** Reads the local-start-only settings (ports, data folder, demo seeding). */
export function loadLocalConfig(env: Env = process.env): LocalConfig {
  return parse(localSchema, env);
}
