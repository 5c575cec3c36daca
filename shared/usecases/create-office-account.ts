import { hashPassword } from '../auth/password';
import { createAccount } from '../data/repos/accounts';
import type { Deps } from '../deps';
import { password, username } from '../domain/account';
import { zodProblems } from '../domain/input';
import { validationError } from '../errors';

/**
 * Creates a campaign-office account outside the console: the first account
 * of a fresh deployment, which then creates everyone else.
 */
export async function createOfficeAccount(
  deps: Deps,
  input: { username: string; displayName: string; password: string },
) {
  const name = username.safeParse(input.username);
  const secret = password.safeParse(input.password);
  if (!name.success) throw validationError(zodProblems(name.error));
  if (!secret.success) throw validationError(zodProblems(secret.error));
  await createAccount(deps, 'ops:create-admin', {
    username: name.data,
    displayName: input.displayName || name.data,
    scope: { role: 'office' },
    disabled: false,
    createdAt: deps.now().toISOString(),
    passwordHash: await hashPassword(secret.data),
    tokenVersion: 1,
  });
  return name.data;
}
