import * as z from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const port = z.coerce.number().int().min(0).max(65535);

/** Every environment variable the app reads, with its default. */
const schema = z.object({
  TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3-255 characters of letters, digits, _ . -')
    .default('xjx-appraisal'),
  /** The ballot box table (codes, ballots, paper entries); defaults to TABLE_NAME + "-ballot-box". */
  BALLOT_BOX_TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3-255 characters of letters, digits, _ . -')
    .optional(),
  AWS_REGION: z.string().min(1).default('cn-north-1'),
  /** Points the DynamoDB client somewhere other than AWS (DynamoDB Local). */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(6_000_000)
    .default(64 * 1024),
  /** Secret that signs console session tokens; at least 32 characters. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Secret that keys the hash of ballot codes; at least 32 characters. */
  CODE_HASH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /**
   * Our public origin, e.g. https://pingyi.example.cn: every link and QR code is built from it (never
   * from request headers), and cookie-authenticated writes must come from it. The local start sets
   * http://localhost:$PORT; CDK sets the API's URL unless told a domain.
   */
  PUBLIC_BASE_URL: z.url().transform((u) => new URL(u).origin),
  /** Flood brake per round or review session, per instance: burst size and refill per second. */
  FLOOD_BURST: z.coerce.number().int().min(1).default(300),
  FLOOD_PER_SECOND: z.coerce.number().min(0.1).default(10),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** Variables only the local start reads. */
const localSchema = z.object({
  PORT: port.min(1).default(3000),
  DYNAMODB_PORT: port.default(0),
  DATA_DIR: z.string().min(1).default('.data'),
  SEED_DEMO: booleanFlag.default(true),
});

export type Config = z.infer<typeof schema>;

/** The names of the app's two tables under this configuration. */
export const tableNames = (config: Pick<Config, 'TABLE_NAME' | 'BALLOT_BOX_TABLE_NAME'>) => ({
  main: config.TABLE_NAME,
  ballotBox: config.BALLOT_BOX_TABLE_NAME ?? `${config.TABLE_NAME}-ballot-box`,
});
export type LocalConfig = z.infer<typeof localSchema>;

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

/** Reads the app's configuration once, failing fast with the names of bad variables. */
export function loadConfig(env: Env = process.env): Config {
  return parse(schema, env);
}

/** Reads the local-start-only settings (ports, data folder, demo seeding). */
export function loadLocalConfig(env: Env = process.env): LocalConfig {
  return parse(localSchema, env);
}
