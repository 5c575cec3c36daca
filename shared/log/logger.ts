export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Plain values only: never put a request's IP, user agent, body or a ballot code in here. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

/**
 * A JSON-lines logger (CloudWatch parses it). It only takes the fields it is
 * given, so nothing identifying reaches a log unless code passes it on purpose.
 */
export function createLogger(
  level: LogLevel,
  sink: LogSink = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const at =
    (l: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}) => {
      if (rank[l] < rank[level]) return;
      sink(JSON.stringify({ level: l, msg, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
