import { beforeAll, describe, expect, it } from 'vitest';
import { asRecord, call } from './support/api';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('long-term mechanisms (长效机制) and typical experience (典型经验)', () => {
  let t: TestContext;
  let f: OrgFixture;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
  }, 60_000);

  it('records a unit’s mechanisms by the seed’s kinds, and refuses another kind without writing', async () => {
    const path = `/api/units/${f.ids.u1}/mechanisms`;
    const body = {
      kind: 'supervision',
      title: '党员联系群众制度',
      content: '每名党员联系五户群众',
      adoptedOn: '2027-01-15',
    };
    const before = (await scanAll(t)).length;
    const bad = await call(t, f.tokens.leader, 'POST', path, { ...body, kind: 'other' });
    expect(bad.status).toBe(400);
    expect((await scanAll(t)).length).toBe(before);
    expect((await call(t, f.tokens.leader, 'POST', path, body)).status).toBe(201);
    const listed = (await call(t, f.tokens.supervisor, 'GET', path)).json as { items: { kind: string }[] };
    expect(listed.items.map((m) => m.kind)).toEqual(['supervision']);
    const audit = (await scanAll(t)).filter((i) => i.action === 'mechanism.create');
    expect(audit).toHaveLength(1);
  });

  it('lists a practice for all units only once the office marks it typical, and unlists it when unmarked', async () => {
    const sent = await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/practices`, {
      title: '班前十分钟学习',
      content: '每天班前十分钟由党员轮流领学，群众自愿参加。',
    });
    expect(sent.status).toBe(201);
    const id = String(asRecord(sent.json).id);
    const typical = async (token: string) =>
      (
        (await call(t, token, 'GET', `/api/campaigns/${f.ids.a}/typical-practices`)).json as {
          items: { id: string }[];
        }
      ).items.map((p) => p.id);
    expect(await typical(f.tokens.leader)).toEqual([]);
    const all = (await call(t, f.tokens.office, 'GET', `/api/campaigns/${f.ids.a}/practices`)).json as {
      items: { id: string }[];
    };
    expect(all.items.map((p) => p.id)).toEqual([id]);
    const markPath = `/api/units/${f.ids.u1}/practices/${id}/typical`;
    expect((await call(t, f.tokens.supervisor, 'POST', markPath, { typical: true })).status).toBe(403);
    const marked = await call(t, f.tokens.office, 'POST', markPath, { typical: true });
    expect(asRecord(asRecord(marked.json).typical).markedBy).toBe('admin');
    // Everyone in the campaign reads it, not only the unit that sent it.
    expect(await typical(f.tokens.supervisor)).toEqual([id]);
    expect(await typical(f.tokens.leader)).toEqual([id]);
    await call(t, f.tokens.office, 'POST', markPath, { typical: false });
    expect(await typical(f.tokens.leader)).toEqual([]);
    const missing = await call(t, f.tokens.office, 'POST', `/api/units/${f.ids.u1}/practices/nope/typical`, {
      typical: true,
    });
    expect(missing.status).toBe(404);
  });
});
