import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import { asRecord, call } from './support/api';
import { simulateTransactionConflicts } from './support/conflict-simulator';
import { opinionCalls } from './support/opinion-fixture';
import { memberBody, type OrgFixture, orgFixture } from './support/org-fixture';
import { cast, confirmCount, marks, mint, openSession, toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

// A meeting hall: everyone at once. CI runs these sizes too; they take seconds.
const VOTERS = 120;
const OPINIONS = 200;

describe('submissions at once, under AWS’s transaction conflict rules', () => {
  let t: TestContext;
  let f: OrgFixture;
  let raised: ReturnType<typeof simulateTransactionConflicts>;
  const { openRound, postJson } = opinionCalls(
    () => t,
    () => f,
  );
  const stored = async (prefix: string, pk: string) =>
    (await scanAll(t)).filter((i) => i.pk === pk && String(i.sk).startsWith(prefix));

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn', FLOOD_BURST: '5000' });
    raised = simulateTransactionConflicts(t.deps.db);
    f = await orgFixture(t);
    await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, memberBody());
    await toAppraisal(t, f, f.ids.u1);
  }, 60_000);

  it('the simulator cancels two overlapping transactions on one item, as AWS does', async () => {
    const write = (n: number) =>
      t.deps.db.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: t.deps.tableName, Item: { pk: 'SIM', sk: 'ONE', n } } }],
        }),
      );
    const outcomes = await Promise.allSettled([write(1), write(2)]);
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(JSON.stringify((rejected[0] as PromiseRejectedResult).reason.CancellationReasons)).toContain(
      'TransactionConflict',
    );
  });

  it(`takes ${VOTERS} ballots cast at once with ${VOTERS} codes: every one acknowledged and stored once`, async () => {
    const session = await openSession(t, f.tokens.leader, f.ids.u1);
    const codes = await mint(t, f.tokens.leader, session.id, 'member', VOTERS);
    const before = raised.transactions;
    const answers = await Promise.all(
      codes.map((code) => cast(t, session.id, code, 'member', marks(session.members))),
    );
    expect(answers.map((a) => a.status)).toEqual(codes.map(() => 201));
    const receipts = new Set(answers.map((a) => String(asRecord(a.json).receipt)));
    expect(receipts.size).toBe(VOTERS);
    const ballots = await stored('BALLOT#', keys.ballot(session.id, '').pk);
    expect(ballots).toHaveLength(VOTERS);
    expect(new Set(ballots.map((b) => b.receipt))).toEqual(receipts);
    expect(raised.transactions).toBe(before);
  });

  it(`stores ${OPINIONS} opinions sent at once to one round, each once`, async () => {
    const round = await openRound();
    const answers = await Promise.all(
      Array.from({ length: OPINIONS }, (_, i) =>
        postJson(String(round.id), {
          submissionId: `BURST${String(i).padStart(17, '0')}`,
          opinion: `意见${i}`,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(await stored('OPINION#', keys.opinion(String(round.id), '').pk)).toHaveLength(OPINIONS);
  });

  it('lets exactly one of 100 concurrent casts of one code through, and calls none of the others a success', async () => {
    const session = await openSession(t, f.tokens.leader, f.ids.u1);
    const [code] = await mint(t, f.tokens.leader, session.id, 'member', 1);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => cast(t, session.id, code ?? '', 'member', marks(session.members))),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await stored('BALLOT#', keys.ballot(session.id, '').pk)).toHaveLength(1);
  });

  it('closing during a burst: every acknowledged ballot is counted and every refused one is not', async () => {
    const session = await openSession(t, f.tokens.leader, f.ids.u1);
    const codes = await mint(t, f.tokens.leader, session.id, 'member', 60);
    const casting = codes.map((code) => cast(t, session.id, code, 'member', marks(session.members)));
    const closing = call(t, f.tokens.leader, 'POST', `/api/review-sessions/${session.id}/close`);
    const [answers, closed] = await Promise.all([Promise.all(casting), closing]);
    expect(closed.status).toBe(200);
    for (const a of answers) expect([201, 410]).toContain(a.status);
    const acknowledged = new Set(
      answers.filter((a) => a.status === 201).map((a) => asRecord(a.json).receipt),
    );
    expect((await confirmCount(t, f.tokens.office, session.id)).status).toBe(200);
    const results = asRecord(
      (await call(t, f.tokens.leader, 'GET', `/api/review-sessions/${session.id}/receipts`)).json,
    );
    expect(new Set(results.receipts as string[])).toEqual(acknowledged);
    // A code refused at closing stays spendable by nobody: a late cast is refused too.
    const late = await cast(t, session.id, codes[0] ?? '', 'member', marks(session.members));
    expect([409, 410]).toContain(late.status);
  });
});
