import { decoyHash, verifyPassword } from '../auth/password';
import { issueSession } from '../auth/session';
import { getAccount, recordFailedSignIn, recordSignIn } from '../data/repos/accounts';
import type { Deps } from '../deps';
import { forbidden, locked, unauthorized } from '../errors';

export const lockPolicy = { maxFailures: 5, lockMinutes: 15 };

const invalid = () => unauthorized('用户名或密码错误', 'INVALID_CREDENTIALS');

/**
 * Signs a person in with username and password.
 * 1. Unknown usernames still cost one scrypt, so timing does not reveal them.
 * 2. A locked account is refused until its lock ends.
 * 3. A wrong password counts a failure; the fifth in a row locks the account.
 * 4. Success clears the counter and issues a session token.
 */
export async function signIn(deps: Deps, username: string, password: string) {
  const now = deps.now();
  const account = await getAccount(deps, username);
  if (!account) {
    await verifyPassword(password, await decoyHash());
    throw invalid();
  }
  if (account.lockedUntil && account.lockedUntil > now.toISOString()) {
    throw locked('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定，请${lockPolicy.lockMinutes}分钟后再试`);
  }
  const matches = await verifyPassword(password, account.passwordHash);
  if (!matches) {
    await recordFailedSignIn(deps, username, now, lockPolicy);
    throw invalid();
  }
  if (account.disabled) throw forbidden('账号已停用', 'ACCOUNT_DISABLED');
  await recordSignIn(deps, username);
  return issueSession(deps.config.SESSION_SECRET, account, now);
}
