import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionExpression } from '../shared/data/condition-expression';
import { type Condition, holds } from '../shared/domain/condition';
import { movableBy, type ReportMove } from '../shared/domain/report';
import { openWindow, windowState } from '../shared/domain/time-window';
import { usableCode } from '../shared/domain/vote';
import { createTestContext, type TestContext } from './support/test-env';

const runs = Number(process.env.FUZZ_RUNS ?? 40);

/**
 * The usable-code rule is written once: its TypeScript check (`holds`) and
 * the ConditionExpression DynamoDB enforces must judge every code alike.
 */
describe('a named condition judges alike in TypeScript and in DynamoDB', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'silent' });
  });

  const instant = fc
    .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 3) })
    .map((ms) => new Date(ms));
  const code = fc.record({
    voteId: fc.constantFrom('v1', 'v2'),
    voterGroup: fc.constantFrom('member', 'mass'),
    state: fc.constantFrom('unused', 'used', 'revoked', 'closed'),
    opensAt: instant.map((d) => d.toISOString()),
    closesAt: instant.map((d) => d.toISOString()),
  });
  const cast = fc.record({
    voteId: fc.constantFrom('v1', 'v2'),
    voterGroup: fc.constantFrom('member', 'mass') as fc.Arbitrary<'member' | 'mass'>,
    now: instant,
  });

  it('usableCode', async () => {
    await fc.assert(
      fc.asyncProperty(code, cast, async (item, attempt) => {
        const usable = usableCode(attempt);
        const accepted = await dynamoAccepts(item, usable, t.deps.ballotBoxTableName);
        expect(accepted).toBe(holds(usable, item));
      }),
      {
        numRuns: runs,
        // A usable code, and one a second past its window, whatever the random draws.
        examples: [
          [
            {
              voteId: 'v1',
              voterGroup: 'mass',
              state: 'unused',
              opensAt: '2026-01-01T00:00:00.000Z',
              closesAt: '2026-01-02T00:00:00.000Z',
            },
            { voteId: 'v1', voterGroup: 'mass', now: new Date('2026-01-01T12:00:00Z') },
          ],
          [
            {
              voteId: 'v1',
              voterGroup: 'mass',
              state: 'unused',
              opensAt: '2026-01-01T00:00:00.000Z',
              closesAt: '2026-01-02T00:00:00.000Z',
            },
            { voteId: 'v1', voterGroup: 'mass', now: new Date('2026-01-02T00:00:01Z') },
          ],
        ],
      },
    );
  });

  /** Whether DynamoDB accepts an update of `item` (undefined: no item stored) under `condition`. */
  let m = 0;
  async function dynamoAccepts(
    item: Record<string, unknown> | undefined,
    condition: Condition,
    TableName = t.deps.tableName,
  ) {
    const key = { pk: `CONDITION#${m++}`, sk: 'ITEM' };
    if (item) await t.deps.db.send(new PutCommand({ TableName, Item: { ...key, ...item } }));
    const expression = conditionExpression(condition);
    return t.deps.db
      .send(
        new UpdateCommand({
          TableName,
          Key: key,
          UpdateExpression: 'SET touched = :t',
          ...expression,
          ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ':t': true },
        }),
      )
      .then(
        () => true,
        (e: Error) => {
          if (e.name !== 'ConditionalCheckFailedException') throw e;
          return false;
        },
      );
  }

  it('openWindow (early close and end time included), and windowState agrees with it', async () => {
    const window = fc.record(
      {
        opensAt: instant.map((d) => d.toISOString()),
        closesAt: instant.map((d) => d.toISOString()),
        closedEarlyAt: instant.map((d) => d.toISOString()),
      },
      { requiredKeys: ['opensAt', 'closesAt'] },
    );
    await fc.assert(
      fc.asyncProperty(window, instant, async (w, now) => {
        const open = openWindow(now);
        expect(await dynamoAccepts(w, open)).toBe(holds(open, w));
        expect(windowState(w, now) === 'open').toBe(holds(open, w));
      }),
      { numRuns: runs },
    );
  });

  it("each report move's state, with no report at all included", async () => {
    const report = fc.option(fc.record({ state: fc.constantFrom('draft', 'submitted', 'approved') }), {
      nil: undefined,
    });
    const move = fc.constantFrom(...(Object.keys(movableBy) as ReportMove[]));
    await fc.assert(
      fc.asyncProperty(report, move, async (r, mv) => {
        expect(await dynamoAccepts(r, movableBy[mv])).toBe(holds(movableBy[mv], r));
      }),
      { numRuns: runs },
    );
    // The table itself: a report is built while none or a draft, submitted as a draft, decided when submitted.
    expect(holds(movableBy.build, undefined)).toBe(true);
    expect(holds(movableBy.build, { state: 'submitted' })).toBe(false);
    expect(holds(movableBy.approve, { state: 'submitted' })).toBe(true);
    expect(holds(movableBy.submit, { state: 'approved' })).toBe(false);
  });
});
