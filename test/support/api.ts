import { hashPassword } from '../../shared/auth/password';
import { createAccount } from '../../shared/data/repos/accounts';
import type { Scope } from '../../shared/domain/account';
import type { TestContext } from './test-env';

export const testPassword = 'Correct-Horse-9';

/** Creates an account straight through the repository (to bootstrap the first office admin). */
export async function addAccount(t: TestContext, username: string, scope: Scope, password = testPassword) {
  await createAccount(t.deps, 'test', {
    username,
    displayName: username,
    scope,
    disabled: false,
    createdAt: new Date().toISOString(),
    passwordHash: await hashPassword(password),
    tokenVersion: 1,
  });
}

/** Signs in through the API and returns the bearer token. */
export async function tokenFor(t: TestContext, username: string, password = testPassword): Promise<string> {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string };
  return body.token;
}

/** Calls the API with a bearer token; JSON bodies unless `contentType` says otherwise. */
export async function call(
  t: TestContext,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = contentType;
  const res = await t.app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** Reads `json` as a record, for tests that look into a response. */
export function asRecord(json: unknown): Record<string, unknown> {
  if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
  throw new Error(`expected an object, got ${JSON.stringify(json)}`);
}

let counter = 0;
/** A unique suffix for names that must not collide between requests. */
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
