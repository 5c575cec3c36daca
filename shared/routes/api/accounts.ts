import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { Account, AccountInput, AccountPatch, username } from '../../domain/account';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, PageQuery, pageOf, security } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { accountsFor, changeAccount, createAccount } from '../../usecases/accounts';

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
  request: { params: AccountParams, body: jsonBody(AccountPatch) },
  responses: { 200: ok(Account), ...errorResponses },
});

/** Console accounts: office admins, supervisors (bound to a group), unit leaders (bound to a unit). */
export function accountRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json(await accountsFor(deps, principalOf(c), c.req.valid('query')), 200))
    .openapi(create, async (c) => c.json(await createAccount(deps, principalOf(c), c.req.valid('json')), 201))
    .openapi(patch, async (c) => {
      const { username: name } = c.req.valid('param');
      return c.json(await changeAccount(deps, principalOf(c), name, c.req.valid('json')), 200);
    });
}
