import { beforeAll, describe, expect, it } from 'vitest';
import { getUnit } from '../shared/data/repos/units';
import { Unit } from '../shared/domain/org';
import { asRecord, call, testPassword } from './support/api';
import { consoleClient } from './support/console-client';
import { countingApp } from './support/count-commands';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { cast, confirmCount, marks, mint, openSession, toAppraisal } from './support/review-fixture';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * The unit keeps what its overview line shows (the latest counted review's
 * figures, where its report stands), written in the transaction of the change
 * itself, so an overview reads no session, sealed result or report.
 */
describe('what the unit keeps for the overviews', () => {
  let t: TestContext;
  let f: OrgFixture;
  const unit = async () => {
    const u = await getUnit(t.deps, f.ids.u1);
    if (!u) throw new Error('no unit');
    return u;
  };
  const lineOfU1 = async () => {
    const res = await call(t, f.tokens.supervisor, 'GET', `/api/groups/${f.ids.g1}/overview`);
    const rows = asRecord(res.json).items as Record<string, unknown>[];
    return rows.find((r) => r.unitId === f.ids.u1) ?? {};
  };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    await toAppraisal(t, f, f.ids.u1);
  }, 60_000);

  it('still reads a unit stored before it kept them', () => {
    const stored = {
      id: 'u',
      campaignId: 'c',
      groupId: 'g',
      name: '旧单位',
      type: 'other',
      partyOrganization: '旧党支部',
      responsibleTitle: '书记',
      membersDue: 1,
      massRepresentativesDue: 1,
      stage: 'study',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(Unit.parse(stored)).toEqual(stored);
  });

  it('keeps the latest counted review’s figures from the confirmation on', async () => {
    const before = await unit();
    expect(before.lastReview).toBeUndefined();
    const s = await openSession(t, f.tokens.office, f.ids.u1);
    for (const [i, code] of (await mint(t, f.tokens.office, s.id, 'member', 6)).entries()) {
      const m = marks(s.members, i < 4 ? 'incompetent' : 'competent', i < 2 ? 'satisfied' : 'dissatisfied');
      expect((await cast(t, s.id, code, 'member', m)).status).toBe(201);
    }
    for (const code of await mint(t, f.tokens.office, s.id, 'mass', 5)) {
      expect((await cast(t, s.id, code, 'mass', marks(s.members, 'incompetent', 'satisfied'))).status).toBe(
        201,
      );
    }
    expect((await call(t, f.tokens.leader, 'POST', `/api/review-sessions/${s.id}/close`)).status).toBe(200);
    expect((await unit()).lastReview).toBeUndefined();
    const confirmed = asRecord((await confirmCount(t, f.tokens.supervisor, s.id)).json);
    const tally = asRecord(confirmed.tally);
    const leadership = asRecord(tally.leadership);
    const flagged = (tally.members as { flagIncompetent: boolean }[]).filter((m) => m.flagIncompetent);
    expect(flagged.length).toBeGreaterThan(0);
    const after = await unit();
    // 11 ballots of 10 members and 20 mass representatives due.
    expect(after.lastReview).toEqual({
      sessionId: s.id,
      countedAt: asRecord(confirmed.count).confirmedAt,
      turnout: 11 / 30,
      satisfactionRate: leadership.satisfactionRate,
      remedial: leadership.remedial,
      incompetentFlags: flagged.length,
    });
    expect(after.updatedAt).not.toBe(before.updatedAt);
    expect(await lineOfU1()).toMatchObject({
      turnout: 11 / 30,
      satisfactionRate: leadership.satisfactionRate,
      remedial: leadership.remedial,
      incompetentFlags: flagged.length,
    });
  }, 60_000);

  it('keeps where the report stands after each move, in the move’s own transaction', async () => {
    const moves: [string, string, unknown, Record<string, unknown>][] = [
      [f.tokens.leader, '', undefined, { state: 'draft' }],
      [f.tokens.leader, '/submit', undefined, { state: 'submitted' }],
      [f.tokens.supervisor, '/return', { comment: '请补充问题清单' }, { state: 'draft' }],
      [f.tokens.leader, '', undefined, { state: 'draft' }],
      [f.tokens.leader, '/submit', undefined, { state: 'submitted' }],
      [f.tokens.supervisor, '/approve', { scope: 'unit' }, { state: 'approved' }],
    ];
    for (const [token, move, body, status] of moves) {
      const before = await unit();
      const res = await call(t, token, 'POST', `/api/units/${f.ids.u1}/report${move}`, body);
      expect(res.status, res.text).toBeLessThan(300);
      const report = asRecord(res.json);
      const after = await unit();
      expect(after.reportStatus, move).toMatchObject(status);
      if (status.state === 'submitted') {
        expect(after.reportStatus?.submittedAt).toBe(report.submittedAt);
        expect(await lineOfU1()).toMatchObject({ reportState: 'submitted', waitingDays: 0 });
      }
      expect(after.updatedAt).not.toBe(before.updatedAt);
    }
    expect(await lineOfU1()).toMatchObject({ reportState: 'approved', waitingDays: null });
  }, 60_000);

  it('draws the group page from the group, its units, its open measures and one BatchGetItem', async () => {
    const counting = countingApp(t);
    const browser = consoleClient({ ...t, app: counting.app });
    await browser.signIn('sup1', testPassword);
    counting.sent.length = 0;
    const { res, html } = await browser.page(`/console/groups/${f.ids.g1}`);
    expect(res.status).toBe(200);
    expect(html).toContain('36.7%');
    // The account, the group, its units, its open measures; the campaign and the opinion totals.
    expect(counting.sent.length, counting.sent.join(', ')).toBeLessThanOrEqual(5);
  });
});
