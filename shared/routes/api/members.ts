import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { newId } from '../../data/ids';
import { deleteMember, getMember, listMembers, saveMember } from '../../data/repos/members';
import type { Deps } from '../../deps';
import { Member, MemberInput } from '../../domain/org';
import { notFound } from '../../errors';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, PageQuery, pageOf, security, UnitParams } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { importMembers } from '../../usecases/import-members';
import { guards } from './guard';

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
  request: { params: MemberParams, body: jsonBody(MemberInput.partial()) },
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
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const { unit } = await guard.unit(c, 'read', c.req.valid('param').unitId);
      return c.json(await listMembers(deps, unit.id, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => {
      const { unitId } = c.req.valid('param');
      const { who } = await guard.unit(c, 'manageMembers', unitId);
      const member = { ...c.req.valid('json'), id: newId(), unitId, createdAt: deps.now().toISOString() };
      await saveMember(deps, who.username, member, true);
      return c.json(member, 201);
    })
    .openapi(patch, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      const { who } = await guard.unit(c, 'manageMembers', unitId);
      const member = await getMember(deps, unitId, memberId);
      if (!member) throw notFound();
      const updated = { ...member, ...c.req.valid('json') };
      await saveMember(deps, who.username, updated, false);
      return c.json(updated, 200);
    })
    .openapi(remove, async (c) => {
      const { unitId, memberId } = c.req.valid('param');
      const { who } = await guard.unit(c, 'manageMembers', unitId);
      await deleteMember(deps, who.username, unitId, memberId);
      return c.body(null, 204);
    })
    .openapi(importCsv, async (c) => {
      const { who, unit } = await guard.unit(c, 'manageMembers', c.req.valid('param').unitId);
      return c.json(await importMembers(deps, who, unit, await c.req.text()), 201);
    });
}
