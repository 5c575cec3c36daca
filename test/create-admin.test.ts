import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { testPassword, tokenFor } from './support/api';
import { createTestContext, type TestContext } from './support/test-env';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

describe('npm run create-admin', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent' });
  });

  const run = (args: string[], password: string) =>
    spawnSync(process.execPath, [tsxCli, 'shared/ops/create-admin.ts', ...args], {
      env: {
        ...process.env,
        TABLE_NAME: t.config.TABLE_NAME,
        AWS_REGION: 'local',
        DYNAMODB_ENDPOINT: t.config.DYNAMODB_ENDPOINT,
        ADMIN_PASSWORD: password,
        LOG_LEVEL: 'silent',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      encoding: 'utf8',
    });

  it('creates the first office account, which can then sign in', async () => {
    const out = run(['firstadmin', '活动办公室'], testPassword);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('firstadmin');
    expect(await tokenFor(t, 'firstadmin')).toBeTruthy();
  }, 30_000);

  it('refuses a short password and a taken username', () => {
    expect(run(['another'], 'short').status).toBe(1);
    expect(run(['dupadmin'], testPassword).status).toBe(0);
    const again = run(['dupadmin'], testPassword);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('用户名已被使用');
  }, 30_000);
});
