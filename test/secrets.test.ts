import { describe, expect, it } from 'vitest';
import { withSecrets } from '../shared/config/secrets';

describe('secrets at cold start', () => {
  it('reads the secrets by ARN when only the ARNs are set', async () => {
    const asked: string[] = [];
    const read = async (arn: string) => {
      asked.push(arn);
      return arn.includes('app') ? JSON.stringify({ SESSION_SECRET: 's'.repeat(64) }) : 'c'.repeat(64);
    };
    const env = await withSecrets(
      {
        SESSION_SECRET_ARN: 'arn:aws:secretsmanager:x:1:secret:app',
        CODE_HASH_SECRET_ARN: 'arn:aws:secretsmanager:x:1:secret:code',
      },
      read,
    );
    expect(env.SESSION_SECRET).toBe('s'.repeat(64));
    expect(env.CODE_HASH_SECRET).toBe('c'.repeat(64));
    expect(asked).toHaveLength(2);
  });

  it('uses secrets set in the environment as they are, and reads nothing', async () => {
    const read = async () => {
      throw new Error('must not be called');
    };
    const env = await withSecrets(
      { SESSION_SECRET: 'a'.repeat(40), CODE_HASH_SECRET: 'b'.repeat(40), SESSION_SECRET_ARN: 'arn' },
      read,
    );
    expect(env.SESSION_SECRET).toBe('a'.repeat(40));
    expect(env.CODE_HASH_SECRET).toBe('b'.repeat(40));
  });
});
