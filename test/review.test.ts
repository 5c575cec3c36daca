import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import { asRecord, call } from './support/api';
import { memberBody, type OrgFixture, orgFixture } from './support/org-fixture';
import { cast, marks, mint, openSession, requestToken, toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('democratic review ballots', () => {
  let t: TestContext;
  let f: OrgFixture;
  let session: { id: string; members: { id: string; name: string }[] };

  const ballots = async (sessionId: string) =>
    (await scanAll(t)).filter(
      (i) => i.pk === keys.ballot(sessionId, '').pk && String(i.sk).startsWith('BALLOT#'),
    );

  beforeAll(async () => {
    // Hundreds of casts to one session in a few seconds: far past the flood brake's default burst.
    t = await createTestContext({ LOG_LEVEL: 'warn', FLOOD_BURST: '5000' });
    f = await orgFixture(t);
    await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, memberBody());
    await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, {
      ...memberBody(),
      probationary: true,
    });
    const early = await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/review-sessions`, {
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(early.status).toBe(409);
    await toAppraisal(t, f, f.ids.u1);
    session = await openSession(t, f.tokens.leader, f.ids.u1);
  }, 60_000);

  it('grades the unit’s full members only', async () => {
    const members = (await call(t, f.tokens.leader, 'GET', `/api/units/${f.ids.u1}/members?limit=100`))
      .json as {
      items: { id: string; probationary: boolean }[];
    };
    const full = members.items
      .filter((m) => !m.probationary)
      .map((m) => m.id)
      .sort();
    expect(session.members.map((m) => m.id).sort()).toEqual(full);
    expect(members.items.some((m) => m.probationary)).toBe(true);
  });

  it('mints typeable codes and stores only their keyed hashes', async () => {
    const codes = await mint(t, f.tokens.leader, session.id, 'member', 5);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const everything = JSON.stringify(await scanAll(t));
    for (const c of codes) {
      expect(everything).not.toContain(c);
      expect(everything).not.toContain(c.replace(/-/g, ''));
    }
  });

  it('casts once: a second cast with the code is 409, a retry of the same page gets the same receipt', async () => {
    const [code] = await mint(t, f.tokens.leader, session.id, 'member', 1);
    const token = requestToken();
    const first = await cast(t, session.id, code ?? '', 'member', marks(session.members), token);
    expect(first.status).toBe(201);
    const receipt = asRecord(first.json).receipt;
    const retry = await cast(t, session.id, code ?? '', 'member', marks(session.members), token);
    expect(asRecord(retry.json).receipt).toBe(receipt);
    const reuse = await cast(t, session.id, code ?? '', 'member', marks(session.members));
    expect(reuse.status).toBe(409);
    expect(asRecord(asRecord(reuse.json).error).code).toBe('CODE_USED');
    const mine = (await ballots(session.id)).filter((b) => b.receipt === receipt);
    expect(mine).toHaveLength(1);
  });

  it('lets exactly one of 100 concurrent casts of one code through', async () => {
    const [code] = await mint(t, f.tokens.leader, session.id, 'member', 1);
    const before = (await ballots(session.id)).length;
    const results = await Promise.all(
      Array.from({ length: 100 }, () => cast(t, session.id, code ?? '', 'member', marks(session.members))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect((await ballots(session.id)).length).toBe(before + 1);
  }, 60_000);

  it('refuses malformed grades with 400 and stores nothing', async () => {
    const [code] = await mint(t, f.tokens.leader, session.id, 'member', 1);
    const before = (await ballots(session.id)).length;
    const good = marks(session.members);
    const [first, ...rest] = session.members;
    const bad = [
      { ...good, grades: { ...good.grades, 'not-a-member': 'competent' } },
      { ...good, grades: Object.fromEntries(rest.map((m) => [m.id, 'competent'])) },
      { ...good, grades: { ...good.grades, [first?.id ?? '']: 'superb' } },
      { ...good, satisfaction: 'ecstatic' },
      { ...good, extra: 'field' },
    ];
    for (const body of bad) expect((await cast(t, session.id, code ?? '', 'member', body)).status).toBe(400);
    expect((await ballots(session.id)).length).toBe(before);
    expect((await cast(t, session.id, code ?? '', 'member', good)).status).toBe(201);
  });

  it('refuses a revoked code, and a code of another unit’s session', async () => {
    const [revoked] = await mint(t, f.tokens.leader, session.id, 'mass', 1);
    const res = await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${session.id}/codes/revoke`, {
      code: revoked,
    });
    expect(asRecord(res.json).revoked).toBe(1);
    expect((await cast(t, session.id, revoked ?? '', 'mass', marks(session.members))).status).toBe(410);

    await toAppraisal(t, f, f.ids.u2);
    const other = await openSession(t, f.tokens.office, f.ids.u2);
    const [foreign] = await mint(t, f.tokens.office, other.id, 'member', 1);
    const before = (await ballots(session.id)).length;
    const wrong = await cast(t, session.id, foreign ?? '', 'member', marks(session.members));
    expect(wrong.status).toBe(400);
    expect(asRecord(asRecord(wrong.json).error).code).toBe('WRONG_SESSION');
    expect((await ballots(session.id)).length).toBe(before);
    // The foreign code was not consumed.
    expect((await cast(t, other.id, foreign ?? '', 'member', marks(other.members))).status).toBe(201);
  });

  it('refuses casting in a closed session with 410, leaving the code unused', async () => {
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    const [code] = await mint(t, f.tokens.leader, s.id, 'member', 1);
    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    const res = await cast(t, s.id, code ?? '', 'member', marks(s.members));
    expect(res.status).toBe(410);
    expect(asRecord(asRecord(res.json).error).code).toBe('SESSION_CLOSED');
    expect(await ballots(s.id)).toHaveLength(0);
    const page = await t.app.request(`/b/${code}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('已经结束');
    const rec = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${s.id}/reconciliation`)).json,
    );
    expect(asRecord(asRecord(asRecord(rec.groups).member).codes).unused).toBe(1);
  });

  it('keeps ballots unlinkable from codes', async () => {
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    const codes = await mint(t, f.tokens.office, s.id, 'member', 200);
    const receiptsInCastOrder: string[] = [];
    for (const code of codes) {
      const res = await cast(t, s.id, code, 'member', marks(s.members, 'competent', 'satisfied'));
      receiptsInCastOrder.push(String(asRecord(res.json).receipt));
    }
    const items = await scanAll(t);
    const codeItems = items.filter((i) => i.gsi1pk === keys.codeListing(s.id, '', '').gsi1pk);
    const ballotItems = items.filter(
      (i) => i.pk === keys.ballot(s.id, '').pk && String(i.sk).startsWith('BALLOT#'),
    );
    expect(codeItems).toHaveLength(200);
    expect(ballotItems).toHaveLength(200);

    // A value both sides hold is harmless only if every code holds it (session, group): it singles nothing out.
    const valuesOf = (i: Record<string, unknown>) => new Set(Object.values(i).map((v) => JSON.stringify(v)));
    const inEveryCode = [...valuesOf(codeItems[0] ?? {})].filter((v) =>
      codeItems.every((c) => valuesOf(c).has(v)),
    );
    const codeValues = new Set(codeItems.flatMap((c) => [...valuesOf(c)]));
    for (const b of ballotItems) {
      for (const v of valuesOf(b)) if (codeValues.has(v)) expect(inEveryCode).toContain(v);
    }
    // Nor does the order of ballot ids say anything about the order of casting.
    const castIndex = new Map(receiptsInCastOrder.map((r, i) => [r, i]));
    const order = ballotItems
      .sort((a, b) => String(a.sk).localeCompare(String(b.sk)))
      .map((b) => castIndex.get(String(b.receipt)) ?? -1);
    let concordant = 0;
    let discordant = 0;
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        if ((order[i] ?? 0) < (order[j] ?? 0)) concordant++;
        else discordant++;
      }
    }
    const tau = (concordant - discordant) / (concordant + discordant);
    expect(Math.abs(tau)).toBeLessThan(0.2);
  }, 120_000);
});
