import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionExpression } from '../shared/data/condition-expression';
import { holds } from '../shared/domain/condition';
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
    let n = 0;
    await fc.assert(
      fc.asyncProperty(code, cast, async (item, attempt) => {
        const key = { pk: `CONDITION#${n++}`, sk: 'CODE' };
        const TableName = t.deps.ballotBoxTableName;
        await t.deps.db.send(new PutCommand({ TableName, Item: { ...key, ...item } }));
        const usable = usableCode(attempt);
        const expression = conditionExpression(usable);
        const accepted = await t.deps.db
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
});
