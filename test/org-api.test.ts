import { beforeAll, describe, expect, it } from 'vitest';
import { getUnit, saveUnit } from '../shared/data/repos/units';
import { asRecord, call } from './support/api';
import { type OrgFixture, orgFixture, unitBody } from './support/org-fixture';
import { createTestContext, type TestContext } from './support/test-env';

describe('campaign structure through the API', () => {
  let t: TestContext;
  let f: OrgFixture;
  beforeAll(async () => {
    t = await createTestContext();
    f = await orgFixture(t);
  }, 60_000);

  it('gives a new campaign the default settings', async () => {
    const res = await call(t, f.tokens.office, 'GET', `/api/campaigns/${f.ids.a}`);
    expect(asRecord(res.json).settings).toEqual({
      anonymityK: 5,
      satisfactionThreshold: 60,
      excellentCap: 1 / 3,
      quorum: 4 / 5,
      incompetentShareThreshold: 1 / 3,
      massUnknown: false,
    });
  });

  it('rejects unknown fields, such as a stage set through a unit body', async () => {
    const res = await call(t, f.tokens.office, 'PATCH', `/api/units/${f.ids.u1}`, { stage: 'rectification' });
    expect(res.status).toBe(400);
    const unit = await call(t, f.tokens.office, 'GET', `/api/units/${f.ids.u1}`);
    expect(asRecord(unit.json).stage).toBe('study');
  });

  it('refuses a second unit of the same name in a campaign', async () => {
    const body = unitBody(f.ids.g1);
    expect((await call(t, f.tokens.office, 'POST', `/api/campaigns/${f.ids.a}/units`, body)).status).toBe(
      201,
    );
    const again = await call(t, f.tokens.office, 'POST', `/api/campaigns/${f.ids.a}/units`, body);
    expect(again.status).toBe(409);
    expect(asRecord(asRecord(again.json).error).code).toBe('UNIT_NAME_TAKEN');
  });

  it('refuses a unit in a group of another campaign', async () => {
    const res = await call(t, f.tokens.office, 'POST', `/api/campaigns/${f.ids.a}/units`, unitBody(f.ids.gb));
    expect(res.status).toBe(404);
  });

  it('moves a unit to the next stage only when its supervision group approves (转段)', async () => {
    const unit = asRecord(
      (await call(t, f.tokens.office, 'POST', `/api/campaigns/${f.ids.a}/units`, unitBody(f.ids.g1))).json,
    );
    const id = String(unit.id);
    await call(t, f.tokens.office, 'POST', '/api/accounts', {
      username: 'lead-stage',
      displayName: 'x',
      password: 'Correct-Horse-9',
      role: 'leader',
      unitId: id,
    });
    const leader = asRecord(
      (
        await call(t, undefined, 'POST', '/api/auth/login', {
          username: 'lead-stage',
          password: 'Correct-Horse-9',
        })
      ).json,
    );
    const token = String(leader.token);

    const request = await call(t, token, 'POST', `/api/units/${id}/stage-request`, {
      note: '学习动员阶段工作已完成',
    });
    expect(request.status).toBe(200);
    expect(asRecord(request.json).to).toBe('appraisal');
    expect((await call(t, token, 'POST', `/api/units/${id}/stage-request`, {})).status).toBe(409);

    const refused = await call(t, f.tokens.supervisor, 'POST', `/api/units/${id}/stage-decision`, {
      approve: false,
      comment: '群众座谈会尚未召开',
    });
    expect(refused.status).toBe(200);
    let current = asRecord((await call(t, token, 'GET', `/api/units/${id}`)).json);
    expect(current.stage).toBe('study');
    expect(asRecord(current.lastStageDecision).comment).toBe('群众座谈会尚未召开');

    await call(t, token, 'POST', `/api/units/${id}/stage-request`, {});
    expect(
      (await call(t, f.tokens.supervisor, 'POST', `/api/units/${id}/stage-decision`, { approve: true }))
        .status,
    ).toBe(200);
    current = asRecord((await call(t, token, 'GET', `/api/units/${id}`)).json);
    expect(current.stage).toBe('appraisal');
    expect(current.stageRequest).toBeUndefined();
  });

  it('keeps an audit trail of console changes, newest first', async () => {
    await call(t, f.tokens.office, 'PATCH', `/api/groups/${f.ids.g2}`, { note: '负责学校' });
    const res = await call(t, f.tokens.office, 'GET', '/api/audit?limit=5');
    const items = (res.json as { items: { actor: string; action: string; target: string; at: string }[] })
      .items;
    expect(items[0]).toMatchObject({ actor: 'admin', action: 'group.update', target: `group:${f.ids.g2}` });
    const times = items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages lists with a cursor and rejects a forged cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await call(
        t,
        f.tokens.office,
        'GET',
        `/api/campaigns/${f.ids.a}/units?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = res.json as { items: { id: string }[]; nextCursor?: string };
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([f.ids.u1, f.ids.u2]));
    const forged = Buffer.from(JSON.stringify({ pk: { S: 'x' } })).toString('base64url');
    expect(
      (await call(t, f.tokens.office, 'GET', `/api/campaigns/${f.ids.a}/units?cursor=${forged}`)).status,
    ).toBe(400);
  });

  it('refuses an account bound to a unit that does not exist', async () => {
    const res = await call(t, f.tokens.office, 'POST', '/api/accounts', {
      username: 'ghost',
      displayName: 'x',
      password: 'Correct-Horse-9',
      role: 'leader',
      unitId: 'missing',
    });
    expect(res.status).toBe(400);
    expect(asRecord(asRecord(res.json).error).details).toEqual([{ path: 'unitId', message: '单位不存在' }]);
  });

  it('never writes away a stage request with a unit saved from an older read', async () => {
    const stale = await getUnit(t.deps, f.ids.u2);
    if (!stale) throw new Error('no unit');
    expect((await call(t, f.tokens.office, 'POST', `/api/units/${f.ids.u2}/stage-request`, {})).status).toBe(
      200,
    );
    // A save that read the unit before the request: its updatedAt no longer matches.
    const save = saveUnit(t.deps, 'office', { ...stale, name: `${stale.name}改` }, 'unit.update', stale);
    await expect(save).rejects.toMatchObject({ code: 'CHANGED_MEANWHILE' });
    expect((await getUnit(t.deps, f.ids.u2))?.stageRequest).toBeDefined();
  });
});
