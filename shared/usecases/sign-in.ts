import { decoyHash, hashPassword, verifyPassword } from '../auth/password';
import { issueSession } from '../auth/session';
import { bumpTokenVersion, getAccount, updateAccount } from '../data/repos/accounts';
import { clearSignInAttempts, type LockPolicy, reserveSignInAttempt } from '../data/repos/sign-in-attempts';
import { type Deps, sessionSecretOf } from '../deps';
import type { PasswordChange, Principal } from '../domain/account';
import { fail } from '../errors';

export const lockPolicy: LockPolicy = { maxAttempts: 5, lockMinutes: 15 };

const invalid = () => fail('INVALID_CREDENTIALS');

/**
 * Signs a person in with username and password. Existing and unknown
 * usernames take the same path: the same requests, one scrypt, the same
 * answers, so neither status nor timing tells them apart.
 * 1. A password check is reserved first (at most five in a row, then a
 *    15-minute lock), so parallel guesses cannot outrun the count.
 * 2. The account is read and the password checked (against a decoy hash
 *    when there is no such account).
 * 3. Success clears the count and issues a session token.
 */
export async function signIn(deps: Deps, username: string, password: string) {
  const now = deps.now();
  if ((await reserveSignInAttempt(deps, username, now, lockPolicy)) === 'locked') {
    throw fail('ACCOUNT_LOCKED', lockPolicy.lockMinutes);
  }
  const account = await getAccount(deps, username);
  const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !matches) throw invalid();
  if (account.disabled) throw fail('ACCOUNT_DISABLED');
  await clearSignInAttempts(deps, username);
  return issueSession(sessionSecretOf(deps), account, now);
}

/** Signs out: ends every session of the caller's account. */
export async function signOut(deps: Deps, who: Principal): Promise<void> {
  await bumpTokenVersion(deps, who.username);
}

/**
 * The caller changes their own password: the current one must match (400
 * otherwise); the change ends every session of the account, this one too (audited).
 */
export async function changePassword(deps: Deps, who: Principal, input: PasswordChange): Promise<void> {
  const account = await getAccount(deps, who.username);
  if (!account || !(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw fail('WRONG_PASSWORD');
  }
  await updateAccount(
    deps,
    who.username,
    who.username,
    { passwordHash: await hashPassword(input.newPassword) },
    'account.password.change',
  );
}
