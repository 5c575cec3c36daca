import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// tsx as a loader in one process: the tsx CLI's signal relay gives its child 30 ms to
// acknowledge Ctrl-C and then kills it, which a busy machine can miss.
const tsxLoader = require.resolve('tsx');

export interface StartedProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `npm start`'s entry (node --import tsx shared/local/start.ts) with `env`, capturing its output. */
export function runStart(env: Record<string, string>): StartedProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, 'shared/local/start.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/** Polls `url` until it answers 200 or `timeoutMs` passes. */
export async function waitFor200(url: string, timeoutMs: number, proc: StartedProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`start exited early:\n${proc.output()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${proc.output()}`);
}
