import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tableNameOf } from '../../shared/data/query';
import type { TableId } from '../../shared/data/table';
import type { TestContext } from './test-env';

/** Every item of one of the test's tables, or of both (tests only: the app never scans). */
export async function scanAll(
  t: TestContext,
  which: TableId | 'both' = 'both',
): Promise<Record<string, unknown>[]> {
  if (which === 'both') return [...(await scanAll(t, 'main')), ...(await scanAll(t, 'ballotBox'))];
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await t.deps.db.send(
      new ScanCommand({ TableName: tableNameOf(t.deps, which), ExclusiveStartKey: start }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
