import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { type ReadDeps, tableNameOf } from '../query';
import type { TableId } from '../table';

/** Reads one item by key (strongly consistent) and parses it with `schema`; undefined when absent. */
export async function getItem<S extends z.ZodType>(
  deps: ReadDeps,
  key: { pk: string; sk: string },
  schema: S,
  table: TableId = 'main',
): Promise<z.infer<S> | undefined> {
  const out = await deps.db.send(
    new GetCommand({ TableName: tableNameOf(deps, table), Key: key, ConsistentRead: true }),
  );
  return out.Item ? schema.parse(out.Item) : undefined;
}
