import type { Deps } from '../deps';
import { type Principal, password, username } from '../domain/account';
import { zodProblems } from '../domain/input';
import { validationError } from '../errors';
import { createAccount } from './accounts';

/** Operations, acting as the office from the command line: the audit trail names them so. */
const operations: Principal = {
  username: 'ops:create-admin',
  displayName: 'ops:create-admin',
  scope: { role: 'office' },
};

/**
 * Creates a campaign-office account outside the console: the first account
 * of a fresh deployment, which then creates everyone else. The display name
 * defaults to the username.
 */
export async function createOfficeAccount(
  deps: Deps,
  input: { username: string; displayName: string; password: string },
) {
  const name = username.safeParse(input.username);
  const secret = password.safeParse(input.password);
  if (!name.success) throw validationError(zodProblems(name.error));
  if (!secret.success) throw validationError(zodProblems(secret.error));
  const displayName = input.displayName || name.data;
  await createAccount(deps, operations, {
    username: name.data,
    displayName,
    password: secret.data,
    role: 'office',
  });
  return name.data;
}
