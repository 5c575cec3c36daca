import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/middleware';
import { hashPassword } from '../../auth/password';
import {
  createAccount,
  getAccount,
  listAccounts,
  publicAccount,
  type StoredAccount,
  updateAccount,
} from '../../data/repos/accounts';
import { getGroup } from '../../data/repos/groups';
import { getUnit } from '../../data/repos/units';
import type { Deps } from '../../deps';
import { Account, AccountInput, password, type Scope, username } from '../../domain/account';
import { notFound, validationError } from '../../errors';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, PageQuery, pageOf, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { officeResource } from './guard';

const tags = ['accounts'];
const AccountParams = z.object({ username });

const list = createRoute({
  method: 'get',
  path: '/api/accounts',
  tags,
  security,
  summary: 'All accounts (office)',
  request: { query: PageQuery },
  responses: { 200: ok(pageOf(Account)), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/accounts',
  tags,
  security,
  summary: 'Create an account bound to its scope (office)',
  request: { body: jsonBody(AccountInput) },
  responses: { 201: ok(Account, 'Created'), ...errorResponses },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/accounts/{username}',
  tags,
  security,
  summary: 'Rename, disable or reset the password of an account (office); ends its sessions',
  request: {
    params: AccountParams,
    body: jsonBody(
      z.strictObject({
        displayName: z.string().trim().min(1).max(60).optional(),
        disabled: z.boolean().optional(),
        password: password.optional(),
      }),
    ),
  },
  responses: { 200: ok(Account), ...errorResponses },
});

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

/** Console accounts: office admins, supervisors (bound to a group), unit leaders (bound to a unit). */
export function accountRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      authorize(c, 'read', officeResource);
      return c.json(await listAccounts(deps, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const who = authorize(c, 'manage', officeResource);
      const input = c.req.valid('json');
      const scope = await scopeFor(deps, input);
      const account: StoredAccount = {
        username: input.username,
        displayName: input.displayName,
        scope,
        disabled: false,
        createdAt: deps.now().toISOString(),
        passwordHash: await hashPassword(input.password),
        tokenVersion: 1,
      };
      await createAccount(deps, who.username, account);
      return c.json(publicAccount(account), 201);
    })
    .openapi(patch, async (c) => {
      const who = authorize(c, 'manage', officeResource);
      const { username: name } = c.req.valid('param');
      const body = c.req.valid('json');
      await updateAccount(
        deps,
        who.username,
        name,
        {
          displayName: body.displayName,
          disabled: body.disabled,
          passwordHash: body.password ? await hashPassword(body.password) : undefined,
        },
        'account.update',
      );
      const account = await getAccount(deps, name);
      if (!account) throw notFound();
      return c.json(publicAccount(account), 200);
    });
}
