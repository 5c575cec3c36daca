import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { Deps } from '../deps';
import { fail } from '../errors';
import type { AccessPattern } from './keys';
import { type TableId, tables } from './table';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

const keyAttributes = new Set<string>(
  Object.values(tables).flatMap((t) => [
    t.partitionKey,
    t.sortKey,
    ...t.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]),
);

/** The deps a read needs: the client and the names of the tables. */
export type ReadDeps = Pick<Deps, 'db' | 'tableName' | 'ballotBoxTableName'>;

/** The configured name of one of the app's tables. */
export const tableNameOf = (deps: Pick<Deps, 'tableName' | 'ballotBoxTableName'>, id: TableId = 'main') =>
  id === 'ballotBox' ? deps.ballotBoxTableName : deps.tableName;

/** Encodes DynamoDB's LastEvaluatedKey as an opaque cursor. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

const badCursor = () => fail('BAD_CURSOR');

/**
 * Decodes a cursor, accepting only non-empty string values of key attributes;
 * anything else is a 400. With `expect`, the cursor must hold exactly the
 * keys a page of that query ends on, in the query's own partition, so a
 * forged cursor can neither fail inside DynamoDB nor point elsewhere.
 */
export function decodeCursor(
  cursor: string | undefined,
  expect?: { attributes: string[]; partition: [name: string, value: string] },
): Record<string, string> | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badCursor();
  const entries = Object.entries(parsed);
  const wellFormed =
    entries.length > 0 &&
    entries.every(
      ([k, v]) => keyAttributes.has(k) && typeof v === 'string' && v.length > 0 && v.length <= 1024,
    );
  if (!wellFormed) throw badCursor();
  const key = Object.fromEntries(entries) as Record<string, string>;
  if (expect) {
    const names = Object.keys(key).sort();
    if (names.join() !== [...expect.attributes].sort().join()) throw badCursor();
    if (key[expect.partition[0]] !== expect.partition[1]) throw badCursor();
  }
  return key;
}

/** `?limit=&cursor=` of a list request. */
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  /** Strongly consistent (base table only): sees every write acknowledged before it. */
  consistent?: boolean;
}

/** Builds the Query for one page of an access pattern (pure, so it is tested without a database). */
export function queryParams(tableName: string, pattern: AccessPattern, opts: PageRequest): QueryCommandInput {
  const def = tables[pattern.table ?? 'main'];
  const index = def.indexes.find((i) => i.name === pattern.index);
  const pkName = index ? index.partitionKey : def.partitionKey;
  const skName = index ? index.sortKey : def.sortKey;
  const params: QueryCommandInput = {
    TableName: tableName,
    KeyConditionExpression: pattern.skPrefix ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
    ExpressionAttributeNames: pattern.skPrefix ? { '#pk': pkName, '#sk': skName } : { '#pk': pkName },
    ExpressionAttributeValues: pattern.skPrefix
      ? { ':pk': pattern.pk, ':sk': pattern.skPrefix }
      : { ':pk': pattern.pk },
    Limit: opts.limit,
    ScanIndexForward: !pattern.newestFirst,
  };
  if (index) params.IndexName = index.name;
  if (opts.consistent) {
    if (index) throw new Error('a secondary index cannot be read consistently');
    params.ConsistentRead = true;
  }
  const attributes = [def.partitionKey, def.sortKey, ...(index ? [index.partitionKey, index.sortKey] : [])];
  const start = decodeCursor(opts.cursor, { attributes, partition: [pkName, pattern.pk] });
  if (start) params.ExclusiveStartKey = start;
  return params;
}

/** Reads one page of an access pattern and parses every item with `schema`. */
export async function queryPage<S extends z.ZodType>(
  deps: ReadDeps,
  pattern: AccessPattern,
  schema: S,
  opts: PageRequest,
): Promise<Page<z.infer<S>>> {
  const out = await deps.db.send(
    new QueryCommand(queryParams(tableNameOf(deps, pattern.table), pattern, opts)),
  );
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map((i) => schema.parse(i)), ...(nextCursor ? { nextCursor } : {}) };
}

/** Reads every page of an access pattern (for bounded lists such as a unit's members). */
export async function queryAll<S extends z.ZodType>(
  deps: ReadDeps,
  pattern: AccessPattern,
  schema: S,
  opts: { consistent?: boolean } = {},
): Promise<z.infer<S>[]> {
  const all: z.infer<S>[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage(deps, pattern, schema, { limit: 500, cursor, ...opts });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
