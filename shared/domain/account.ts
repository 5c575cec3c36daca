import * as z from 'zod';
import { ReadVersion, StoredVersion } from './version';

export const roles = ['office', 'supervisor', 'leader'] as const;
export const Role = z.enum(roles).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;
export const roleLabels: Record<Role, string> = {
  office: '活动领导小组办公室',
  supervisor: '督导组',
  leader: '单位第一责任人',
};

/** Who an account is and what it may see: the office everything, a supervisor a group, a leader a unit. */
export const Scope = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('office') }),
  z.strictObject({ role: z.literal('supervisor'), campaignId: z.string(), groupId: z.string() }),
  z.strictObject({ role: z.literal('leader'), campaignId: z.string(), unitId: z.string() }),
]);
export type Scope = z.infer<typeof Scope>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, '用户名为3-32位小写字母、数字或 _ . -');
export const password = z.string().min(10, '密码至少10位').max(200);

export const AccountInput = z
  .strictObject({
    username,
    displayName: z.string().trim().min(1).max(60),
    password,
    role: Role,
    /** Required for supervisor accounts. */
    groupId: z.string().optional(),
    /** Required for leader accounts. */
    unitId: z.string().optional(),
  })
  .meta({ id: 'AccountInput' });
export type AccountInput = z.infer<typeof AccountInput>;

/**
 * The office renames, disables or re-enables an account, or resets its
 * password, from the version read (an older one: 409 `ACCOUNT_CHANGED`).
 */
export const AccountPatch = z.strictObject({
  displayName: z.string().trim().min(1).max(60).optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
  version: ReadVersion,
});
export type AccountPatch = z.infer<typeof AccountPatch>;

/** Signing in with username and password. */
export const SignInInput = z.strictObject({ username, password: z.string().min(1).max(200) });
/** Changing one's own password. */
export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

export const Account = z
  .object({
    username: z.string(),
    displayName: z.string(),
    scope: Scope,
    disabled: z.boolean(),
    createdAt: z.string(),
    /** Counts the changes (sessions ended alone do not count): an edit names the version it was made from. */
    version: StoredVersion,
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

/** The signed-in caller, as the session token carries it. */
export interface Principal {
  username: string;
  displayName: string;
  scope: Scope;
}
