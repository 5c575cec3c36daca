import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../shared/data/client';
import { asRecord, call } from './support/api';
import { opinionCalls } from './support/opinion-fixture';
import { memberBody, type OrgFixture, orgFixture } from './support/org-fixture';
import { cast, marks, mint, openSession, toAppraisal } from './support/review-fixture';
import { scanAll } from './support/scan';
import { createTestContext, type TestContext } from './support/test-env';

describe('two tables: the main table with its stream, the ballot box without one', () => {
  let t: TestContext;
  let f: OrgFixture;
  const { openRound, postJson } = opinionCalls(
    () => t,
    () => f,
  );

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    f = await orgFixture(t);
    await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/members`, memberBody());
    await toAppraisal(t, f, f.ids.u1);
  }, 60_000);

  it('creates the ballot box without a stream, its one index keys only', async () => {
    const client = createDynamoClient({ region: 'local', endpoint: t.config.DYNAMODB_ENDPOINT });
    const box = (await client.send(new DescribeTableCommand({ TableName: t.deps.ballotBoxTableName }))).Table;
    const main = (await client.send(new DescribeTableCommand({ TableName: t.deps.tableName }))).Table;
    client.destroy();
    expect(box?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
    expect(box?.LatestStreamArn).toBeUndefined();
    expect(box?.GlobalSecondaryIndexes?.map((i) => i.Projection?.ProjectionType)).toEqual(['KEYS_ONLY']);
    expect(main?.StreamSpecification).toMatchObject({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('keeps codes and ballots in the ballot box only; an opinion carries no index keys', async () => {
    const s = await openSession(t, f.tokens.leader, f.ids.u1);
    const [code] = await mint(t, f.tokens.leader, s.id, 'member', 1);
    const res = await cast(t, s.id, code ?? '', 'member', marks(s.members));
    expect(res.status).toBe(201);
    const receipt = String(asRecord(res.json).receipt);
    const main = JSON.stringify(await scanAll(t, 'main'));
    expect(main).not.toContain(receipt);
    expect(main).not.toMatch(/"pk":"CODE#|"sk":"BALLOT#/);
    const box = await scanAll(t, 'ballotBox');
    expect(box.filter((i) => String(i.pk).startsWith('CODE#'))).toHaveLength(1);
    expect(box.filter((i) => String(i.sk).startsWith('BALLOT#'))).toHaveLength(1);

    const round = String((await openRound()).id);
    expect((await postJson(round, { submissionId: 'T'.repeat(22), opinion: '意见' })).status).toBe(201);
    const stored = (await scanAll(t, 'main')).find((i) => i.sk === `OPINION#${'T'.repeat(22)}`);
    expect(stored).toBeDefined();
    expect(Object.keys(stored ?? {}).filter((k) => k.startsWith('gsi'))).toEqual([]);
  });
});
