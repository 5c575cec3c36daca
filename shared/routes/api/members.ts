import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { Member, MemberInput, MemberPatch } from '../../domain/org';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, PageQuery, pageOf, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { importMembers } from '../../usecases/import-members';
import { addMember, changeMember, membersOf, removeMember } from '../../usecases/members';

const tags = ['party members'];
const MemberParams = UnitParams.extend({ memberId: z.string().min(1).max(64) });

const list = createRoute({
  method: 'get',
  path: '/api/units/{unitId}/members',
  tags,
  security,
  summary: 'Party members of a unit',
  request: { params: UnitParams, query: PageQuery },
  responses: { 200: ok(pageOf(Member)), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/members',
  tags,
  security,
  summary: 'Add a party member (the unit leader or the office)',
  request: { params: UnitParams, body: jsonBody(MemberInput) },
  responses: { 201: ok(Member, 'Created'), ...errorResponses },
});
const patch = createRoute({
  method: 'patch',
  path: '/api/units/{unitId}/members/{memberId}',
  tags,
  security,
  summary: 'Change a party member',
  request: { params: MemberParams, body: jsonBody(MemberPatch) },
  responses: { 200: ok(Member), ...errorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/units/{unitId}/members/{memberId}',
  tags,
  security,
  summary: 'Remove a party member',
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});
const importCsv = createRoute({
  method: 'post',
  path: '/api/units/{unitId}/members/import',
  tags,
  security,
  summary: 'Import members from CSV (姓名,类别,预备党员), all or nothing',
  request: { params: UnitParams, body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
  responses: { 201: ok(z.object({ imported: z.number() }), 'Imported'), ...errorResponses },
});

/** A unit's party members: list, add, change, remove, import. */
export function memberRoutes(deps: Deps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await membersOf(deps, principalOf(c), unitId, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const { unitId } = c.req.valid('param');
      return c.json(await addMember(deps, principalOf(c), unitId, c.req.valid('json')), 201);
    })
    .openapi(patch, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      return c.json(await changeMember(deps, principalOf(c), unitId, memberId, c.req.valid('json')), 200);
    })
    .openapi(remove, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      await removeMember(deps, principalOf(c), unitId, memberId);
      return c.body(null, 204);
    })
    .openapi(importCsv, async (c) => {
      const who = principalOf(c);
      const { unitId } = c.req.valid('param');
      return c.json(await importMembers(deps, who, unitId, await c.req.text()), 201);
    });
}
