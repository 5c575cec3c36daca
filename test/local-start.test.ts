import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createDynamoClient } from '../shared/data/client';
import { freePort } from '../shared/local/free-port';
import { runStart, type StartedProcess, waitFor200 } from './support/start-process';

const dataDir = mkdtempSync(join(tmpdir(), 'xjx-start-'));

/** Java processes whose command line names our data folder: DynamoDB Local started by this test. */
function javaProcessesFor(dir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps.split('\n').filter((l) => l.includes('DynamoDBLocal') && l.includes(dir));
}

async function startAndWait(port: number, dynamoPort: number): Promise<StartedProcess> {
  const proc = runStart({
    PORT: String(port),
    DYNAMODB_PORT: String(dynamoPort),
    DATA_DIR: dataDir,
    TABLE_NAME: 'start-test',
  });
  await waitFor200(`http://127.0.0.1:${port}/healthz`, 60_000, proc);
  return proc;
}

async function stop(proc: StartedProcess) {
  proc.child.kill('SIGINT');
  return proc.exited;
}

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('comes up, answers /healthz, stops cleanly on Ctrl-C and keeps data across restarts', async () => {
    const [port, dynamoPort] = [await freePort(), await freePort()];
    const first = await startAndWait(port, dynamoPort);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain('Demo data seeded.');
    // The demo's reports were built once the live counts held its opinions: nothing drifted.
    expect(first.output()).not.toContain('drifted');
    expect(javaProcessesFor(dataDir)).toHaveLength(1);

    const endpoint = `http://127.0.0.1:${dynamoPort}`;
    const raw = createDynamoClient({ region: 'local', endpoint });
    const db = createDocumentClient(raw);
    const key = { pk: 'TEST#restart', sk: 'TEST' };
    await db.send(new PutCommand({ TableName: 'start-test', Item: { ...key, kept: 'yes' } }));
    // The ballot box was created beside the main table, without a stream.
    const box = await raw.send(new DescribeTableCommand({ TableName: 'start-test-ballot-box' }));
    expect(box.Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    const main = await raw.send(new DescribeTableCommand({ TableName: 'start-test' }));
    expect(main.Table?.StreamSpecification?.StreamEnabled).toBe(true);

    expect(await stop(first)).toBe(0);
    expect(javaProcessesFor(dataDir)).toEqual([]);

    const second = await startAndWait(port, dynamoPort);
    expect(second.output()).not.toContain('Demo data seeded.');
    const got = await db.send(new GetCommand({ TableName: 'start-test', Key: key, ConsistentRead: true }));
    expect(got.Item?.kept).toBe('yes');
    raw.destroy();
    expect(await stop(second)).toBe(0);
    expect(javaProcessesFor(dataDir)).toEqual([]);
  }, 180_000);

  it('without Java, says in one line what to install and exits non-zero', async () => {
    const proc = runStart({ PATH: '/nonexistent', DATA_DIR: dataDir, PORT: String(await freePort()) });
    const code = await proc.exited;
    expect(code).not.toBe(0);
    const lines = proc.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17/);
    expect(lines[0]).toMatch(/DYNAMODB_ENDPOINT/);
  });
});
