import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configVariables,
  loadAggregatorConfig,
  loadConfig,
  loadConsoleConfig,
  loadLocalConfig,
  loadPublicConfig,
} from '../shared/config/env';

const secrets = {
  SESSION_SECRET: 'x'.repeat(32),
  CODE_HASH_SECRET: 'y'.repeat(32),
  PUBLIC_BASE_URL: 'https://pingyi.example.cn/',
};

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('applies defaults when only the secrets are set', () => {
    const config = loadConfig(secrets);
    expect(config.TABLE_NAME).toBe('xjx-appraisal');
    expect(config.BODY_LIMIT_BYTES).toBe(65536);
    expect(config.DYNAMODB_ENDPOINT).toBeUndefined();
    expect(config.PUBLIC_BASE_URL).toBe('https://pingyi.example.cn');
  });

  it('names every missing secret', () => {
    const problems = problemsOf(() => loadConfig({}));
    expect(problems.some((p) => p.startsWith('SESSION_SECRET'))).toBe(true);
    expect(problems.some((p) => p.startsWith('CODE_HASH_SECRET'))).toBe(true);
    // Links and QR codes come from the configured origin only, so it has no default.
    expect(problems.some((p) => p.startsWith('PUBLIC_BASE_URL'))).toBe(true);
  });

  it('rejects a malformed endpoint and names it', () => {
    const problems = problemsOf(() => loadConfig({ ...secrets, DYNAMODB_ENDPOINT: 'not a url' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DYNAMODB_ENDPOINT/);
  });

  it('rejects a short secret, a bad table name and a non-numeric limit', () => {
    const problems = problemsOf(() =>
      loadConfig({ ...secrets, SESSION_SECRET: 'short', TABLE_NAME: 'a b', BODY_LIMIT_BYTES: 'lots' }),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'BODY_LIMIT_BYTES',
      'SESSION_SECRET',
      'TABLE_NAME',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...secrets, TABLE_NAME: '' }).TABLE_NAME).toBe('xjx-appraisal');
  });

  it('reads the local start settings', () => {
    expect(loadLocalConfig({})).toEqual({ PORT: 3000, DYNAMODB_PORT: 0, DATA_DIR: '.data', SEED_DEMO: true });
    expect(loadLocalConfig({ PORT: '8080', SEED_DEMO: 'false' })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
    });
    expect(problemsOf(() => loadLocalConfig({ PORT: '70000' }))[0]).toMatch(/^PORT/);
  });
});

describe('each function’s configuration', () => {
  const web = { CODE_HASH_SECRET: 'y'.repeat(32), PUBLIC_BASE_URL: 'https://pingyi.example.cn' };

  it('gives the aggregator the tables, region and log level alone: no secret, no origin', () => {
    const config = loadAggregatorConfig({ SESSION_SECRET: 'x'.repeat(32), FLOOD_BURST: '5' });
    expect(Object.keys(config).sort()).toEqual(['AWS_REGION', 'LOG_LEVEL', 'TABLE_NAME']);
    expect(config.TABLE_NAME).toBe('xjx-appraisal');
  });

  it('reads no session secret for the public function, and names what it misses', () => {
    const config = loadPublicConfig(web);
    expect(config).not.toHaveProperty('SESSION_SECRET');
    expect(config).toMatchObject({ FLOOD_BURST: 300, BODY_LIMIT_BYTES: 65536 });
    const problems = problemsOf(() => loadPublicConfig({})).map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['CODE_HASH_SECRET', 'PUBLIC_BASE_URL']);
  });

  it('reads the session secret for the console, and no flood brake', () => {
    const config = loadConsoleConfig({ ...web, SESSION_SECRET: 'x'.repeat(32) });
    expect(config).not.toHaveProperty('FLOOD_BURST');
    expect(config.SESSION_SECRET).toBe('x'.repeat(32));
    expect(problemsOf(() => loadConsoleConfig(web)).map((p) => p.split(':')[0])).toEqual(['SESSION_SECRET']);
  });

  it('lists each function’s variables: the base ones everywhere, the secrets only where used', () => {
    expect(configVariables.aggregator).not.toContain('CODE_HASH_SECRET');
    expect(configVariables.public).not.toContain('SESSION_SECRET');
    expect(configVariables.console).not.toContain('FLOOD_BURST');
    for (const f of [configVariables.public, configVariables.console])
      expect(f).toEqual(expect.arrayContaining([...configVariables.aggregator, 'CODE_HASH_SECRET']));
  });
});
