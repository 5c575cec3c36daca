import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Account, type Scope } from '../../domain/account';
import { accountChanged } from '../../domain/changed-meanwhile';
import { fail, notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryPage } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { stillAt } from '../version-condition';

/** An account as stored: the public view plus what sign-in needs. */
export const StoredAccount = Account.extend({
  passwordHash: z.string(),
  tokenVersion: z.number().int(),
});
export type StoredAccount = z.infer<typeof StoredAccount>;

/** The public view of a stored account (no hash, counters or lock state). */
export function publicAccount(a: StoredAccount): Account {
  return Account.parse(a);
}

export async function getAccount(deps: Deps, username: string): Promise<StoredAccount | undefined> {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.account(username), ConsistentRead: true }),
  );
  return out.Item ? StoredAccount.parse(out.Item) : undefined;
}

/** An account as stored, with its listing keys. */
export const accountRecord = (a: StoredAccount) => ({
  ...keys.account(a.username),
  ...keys.accountListing(a.username),
  ...a,
});

/** Every account, by username (the office's list), without hashes or counters. */
export async function listAccounts(deps: Deps, page: PageRequest) {
  const found = await queryPage(deps, accessPatterns.accounts(), StoredAccount, page);
  return { ...found, items: found.items.map(publicAccount) };
}

/** The check, inside an account's creation, that the group or unit it is bound to still exists. */
function scopeExists(tableName: string, scope: Scope): TransactItem[] {
  if (scope.role === 'office') return [];
  const key = scope.role === 'supervisor' ? keys.group(scope.groupId) : keys.unit(scope.unitId);
  return [
    { ConditionCheck: { TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
  ];
}

/** The Put of a new account; fails if the username is taken. */
export function putNewAccount(tableName: string, a: StoredAccount): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: accountRecord(a),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Creates an account; its group or unit must still exist when it is written. */
export async function createAccount(deps: Deps, actor: string, a: StoredAccount) {
  await writeAudited(
    deps,
    [putNewAccount(deps.tableName, a), ...scopeExists(deps.tableName, a.scope)],
    { actor, action: 'account.create', target: `account:${a.username}`, detail: { scope: a.scope } },
    (i) => (i === 0 ? fail('USERNAME_TAKEN') : notFound()),
  );
}

/**
 * Changes some attributes of an existing account, audited, and counts the
 * change in its `version`. Given `was` (the version the change was read at),
 * it is written only if the account is still at it (409 `ACCOUNT_CHANGED`).
 */
export async function updateAccount(
  deps: Deps,
  actor: string,
  username: string,
  set: Partial<Pick<StoredAccount, 'displayName' | 'disabled' | 'passwordHash'>>,
  action: string,
  was?: number,
) {
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  const names = Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k]));
  const values = Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v]));
  const assignments = entries.map((_, i) => `#a${i} = :v${i}`);
  // Any change that touches credentials or access ends the account's open sessions.
  const sets = [
    ...assignments,
    'tokenVersion = tokenVersion + :one',
    'version = if_not_exists(version, :zero) + :one',
  ];
  const still = was === undefined ? undefined : stillAt(was);
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.account(username),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: still?.ConditionExpression ?? 'attribute_exists(pk)',
          ...(entries.length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: {
            ...values,
            ':one': 1,
            ':zero': 0,
            ...still?.ExpressionAttributeValues,
          },
        },
      },
      // An office change (a new password, re-enabling) also lifts a sign-in lock.
      { Delete: { TableName: deps.tableName, Key: keys.signInAttempts(username) } },
    ],
    {
      actor,
      action,
      target: `account:${username}`,
      detail: Object.fromEntries(entries.map(([k, v]) => [k, k === 'passwordHash' ? '(changed)' : v])),
    },
    () => (was === undefined ? notFound() : accountChanged()),
  );
}

/** Ends every open session of an account (sign-out). */
export async function bumpTokenVersion(deps: Deps, username: string): Promise<void> {
  await deps.db.send(
    new UpdateCommand({
      TableName: deps.tableName,
      Key: keys.account(username),
      UpdateExpression: 'ADD tokenVersion :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
}
