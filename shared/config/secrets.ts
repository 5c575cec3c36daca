type Env = Record<string, string | undefined>;

/** Reads one secret's string (the SDK call, replaceable in tests). */
export type SecretReader = (arn: string) => Promise<string>;

// Loaded only when a secret is read by ARN (on AWS): the SDK client is not imported anywhere else.
const fromSecretsManager: SecretReader = async (arn) => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (!out.SecretString) throw new Error('secret has no string value');
    return out.SecretString;
  } finally {
    client.destroy();
  }
};

/**
 * On AWS the stack passes only the secrets' ARNs (`SESSION_SECRET_ARN`, a
 * JSON secret with a `SESSION_SECRET` key; `CODE_HASH_SECRET_ARN`, a plain
 * one); they are read once, at cold start, and never sit in the function's
 * configuration. Anywhere else (the local start, the tests, a bundle run
 * against DynamoDB Local) `SESSION_SECRET` and `CODE_HASH_SECRET` set in the
 * environment are used as they are.
 */
export async function withSecrets(env: Env, read: SecretReader = fromSecretsManager): Promise<Env> {
  const out = { ...env };
  if (!out.SESSION_SECRET && env.SESSION_SECRET_ARN) {
    const parsed = JSON.parse(await read(env.SESSION_SECRET_ARN)) as { SESSION_SECRET?: string };
    out.SESSION_SECRET = parsed.SESSION_SECRET;
  }
  if (!out.CODE_HASH_SECRET && env.CODE_HASH_SECRET_ARN) {
    out.CODE_HASH_SECRET = await read(env.CODE_HASH_SECRET_ARN);
  }
  return out;
}
