import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import type { StreamRecord } from '../shared/data/stream-records';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { analysisTallyOf } from '../shared/domain/analysis-tally';
import { applyStream } from '../shared/usecases/apply-stream';
import { asRecord, call, tokenFor } from './support/api';
import { consoleClient } from './support/console-client';
import { createTestContext, type TestContext } from './support/test-env';

type Line = {
  unitId: string;
  name: string;
  analyses: { due: number; submitted: number; approved: number; waiting: number };
};
type Row = { memberId: string; state: string };

/**
 * 党性分析 completion per unit, kept by the aggregator from the stream, on
 * the overviews and in the supervision group's 待办.
 */
describe('党性分析 completion on the overviews and in the homes', () => {
  let t: TestContext;
  let leader = '';
  let supervisor = '';
  let office = '';
  let unitId = '';
  let groupId = '';
  let campaignId = '';
  const line = async (): Promise<Line | undefined> => {
    await t.stream.drain();
    const rows = asRecord((await call(t, supervisor, 'GET', `/api/groups/${groupId}/overview`)).json)
      .items as Line[];
    return rows.find((r) => r.unitId === unitId);
  };
  const materials = async () =>
    asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/self-analyses`)).json).items as Row[];

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    supervisor = await tokenFor(t, demoAccounts.supervisor.username, demoPassword);
    office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    unitId = String(asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId);
    const scope = asRecord(asRecord((await call(t, supervisor, 'GET', '/api/auth/me')).json).scope);
    groupId = String(scope.groupId);
    campaignId = String(scope.campaignId);
  }, 60_000);

  it('counts the members due, the materials submitted, approved and waiting, as the unit’s own list does', async () => {
    const rows = await materials();
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    expect(await line()).toMatchObject({
      analyses: {
        due: rows.length,
        submitted: count('submitted') + count('approved'),
        approved: count('approved'),
        waiting: count('submitted'),
      },
    });
    expect(count('submitted')).toBeGreaterThan(0);
    // The office's zone-wide lines carry the same figures.
    const zone = asRecord((await call(t, office, 'GET', `/api/campaigns/${campaignId}/overview`)).json)
      .items as Line[];
    expect(zone.find((r) => r.unitId === unitId)?.analyses).toEqual((await line())?.analyses);
  });

  it('lists the waiting materials in the supervision group’s 待办 until each is approved or returned', async () => {
    const b = consoleClient(t);
    await b.signIn(demoAccounts.supervisor.username, demoPassword);
    const before = await line();
    const home = (await b.page(`/console/groups/${groupId}`)).html;
    expect(home).toContain(`党性分析材料待组织把关：${before?.name}`);
    expect(home).toContain(`href="/console/units/${unitId}/self-analyses"`);
    expect(home).toContain(`已认可 ${before?.analyses.approved}/${before?.analyses.due}`);
    const waiting = (await materials()).filter((r) => r.state === 'submitted');
    const [first, ...rest] = waiting;
    expect((await call(t, supervisor, 'POST', `/api/self-analyses/${first?.memberId}/approve`)).status).toBe(
      200,
    );
    for (const r of rest) {
      const back = await call(t, supervisor, 'POST', `/api/self-analyses/${r.memberId}/return`, {
        comment: '请结合群众意见再查找问题',
      });
      expect(back.status).toBe(200);
    }
    const after = await line();
    expect(after?.analyses).toMatchObject({
      approved: (before?.analyses.approved ?? 0) + 1,
      waiting: 0,
      submitted: (before?.analyses.approved ?? 0) + 1,
    });
    expect((await b.page(`/console/groups/${groupId}`)).html).not.toContain('党性分析材料待组织把关');
    // The leader's unit page says where the unit stands, from the same item it reads for opinions.
    const mine = consoleClient(t);
    await mine.signIn(demoAccounts.leader.username, demoPassword);
    expect((await mine.page(`/console/units/${unitId}`)).html).toContain(
      `共 ${after?.analyses.due} 名党员，已提交 ${after?.analyses.submitted} 份，已认可 ${after?.analyses.approved} 份`,
    );
  });

  it('ends the same however often a batch is delivered, and follows members added and removed', async () => {
    const unit = 'tally-unit';
    const seqs = { n: 1 };
    const record = (eventName: string, item: Record<string, unknown>): StreamRecord => ({
      eventName,
      dynamodb: {
        SequenceNumber: String(seqs.n++).padStart(21, '0'),
        [eventName === 'REMOVE' ? 'OldImage' : 'NewImage']: marshall(item, { removeUndefinedValues: true }),
      },
    });
    const member = (id: string) => ({ ...keys.member(unit, id), id, unitId: unit, name: id });
    const material = (id: string, state: string) => ({ ...keys.selfAnalysis(id), id, unitId: unit, state });
    const batch = [
      record('INSERT', member('a')),
      record('INSERT', member('b')),
      record('INSERT', member('c')),
      record('INSERT', material('a', 'draft')),
      record('MODIFY', material('a', 'submitted')),
      record('INSERT', material('b', 'submitted')),
      record('MODIFY', material('b', 'approved')),
      record('INSERT', material('c', 'submitted')),
      record('MODIFY', material('c', 'returned')),
      record('REMOVE', member('c')),
      // The leading team's report: waiting for the supervision group, not a member's material.
      record('INSERT', { ...material(`team-${unit}`, 'submitted'), team: true }),
      // Not a member nor a material: skipped.
      record('INSERT', { ...keys.memberLinkSlot(unit, 'a'), unitId: unit, id: 'a' }),
    ];
    const stored = async () =>
      analysisTallyOf(
        (
          await t.deps.db.send(
            new GetCommand({
              TableName: t.deps.tableName,
              Key: keys.opinionAggregate(unit, 'ALL'),
              ConsistentRead: true,
            }),
          )
        ).Item,
      );
    expect((await applyStream(t.deps, batch)).size).toBe(0);
    const once = await stored();
    expect(once).toEqual({ due: 2, submitted: 2, approved: 1, waiting: 1, teamWaiting: true });
    // Delivered again, whole and in part: nothing changes.
    expect((await applyStream(t.deps, batch)).size).toBe(0);
    expect((await applyStream(t.deps, batch.slice(4))).size).toBe(0);
    expect(await stored()).toEqual(once);
  });
});
