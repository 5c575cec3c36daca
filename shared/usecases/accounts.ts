import { hashPassword } from '../auth/password';
import type { PageRequest } from '../data/query';
import {
  getAccount,
  createAccount as insertAccount,
  listAccounts,
  publicAccount,
  type StoredAccount,
  updateAccount,
} from '../data/repos/accounts';
import { getGroup } from '../data/repos/groups';
import { getUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Account, AccountInput, AccountPatch, Principal, Scope } from '../domain/account';
import { accountChanged } from '../domain/changed-meanwhile';
import { refuseStale, versionOf } from '../domain/version';
import { notFound, validationError } from '../errors';
import { allow, officeResource } from './access';

/** Every account, a page at a time (the office). */
export async function accountsFor(deps: Deps, who: Principal, page: PageRequest) {
  allow(who, 'read', officeResource);
  return listAccounts(deps, page);
}

/** Resolves the scope an account is bound to; its group or unit must exist (checked again at write). */
async function scopeFor(deps: Deps, input: AccountInput): Promise<Scope> {
  const missing = (path: string, message: string) => validationError([{ path, message }]);
  if (input.role === 'office') return { role: 'office' };
  if (input.role === 'supervisor') {
    // A missing group is the caller's mistake; a failing read is not, and stays a 500.
    const group = input.groupId ? await getGroup(deps, input.groupId) : undefined;
    if (!group) throw missing('groupId', input.groupId ? '督导组不存在' : '督导组账号需指定督导组');
    return { role: 'supervisor', campaignId: group.campaignId, groupId: group.id };
  }
  const unit = input.unitId ? await getUnit(deps, input.unitId) : undefined;
  if (!unit) throw missing('unitId', input.unitId ? '单位不存在' : '单位账号需指定单位');
  return { role: 'leader', campaignId: unit.campaignId, unitId: unit.id };
}

/**
 * Creates a console account: the office's, or operations' for the first one.
 * 1. Only the office creates accounts.
 * 2. A supervisor is bound to an existing group, a leader to an existing unit
 *    (400 naming the field otherwise); the binding is checked again at write.
 * 3. The password is stored as its scrypt hash; the username must be free (409).
 */
export async function createAccount(deps: Deps, who: Principal, input: AccountInput): Promise<Account> {
  allow(who, 'manage', officeResource);
  const account: StoredAccount = {
    username: input.username,
    displayName: input.displayName,
    scope: await scopeFor(deps, input),
    disabled: false,
    createdAt: deps.now().toISOString(),
    passwordHash: await hashPassword(input.password),
    tokenVersion: 1,
    version: 1,
  };
  await insertAccount(deps, who.username, account);
  return publicAccount(account);
}

/**
 * The office renames, disables or re-enables an account, or resets its
 * password; any change ends the account's sessions (audited). Made from an
 * older read (`patch.version` not the account's) it is refused with 409
 * `ACCOUNT_CHANGED`, saying what the account is now, and changes nothing;
 * the write is conditional on the version read.
 */
export async function changeAccount(
  deps: Deps,
  who: Principal,
  username: string,
  patch: AccountPatch,
): Promise<Account> {
  allow(who, 'manage', officeResource);
  const before = await getAccount(deps, username);
  if (!before) throw notFound();
  refuseStale(publicAccount(before), patch.version, accountChanged);
  await updateAccount(
    deps,
    who.username,
    username,
    {
      displayName: patch.displayName,
      disabled: patch.disabled,
      passwordHash: patch.password ? await hashPassword(patch.password) : undefined,
    },
    'account.update',
    versionOf(before),
  );
  const account = await getAccount(deps, username);
  if (!account) throw notFound();
  return publicAccount(account);
}
