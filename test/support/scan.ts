import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TestContext } from './test-env';

/** Every item of the test's table (tests only: the app never scans). */
export async function scanAll(t: TestContext): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await t.deps.db.send(
      new ScanCommand({ TableName: t.deps.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
