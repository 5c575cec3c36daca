import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { ReadDeps } from './query';

type Key = { pk: string; sk: string };

/**
 * Reads many items of one table by key (strongly consistent), 100 per
 * request, retrying what DynamoDB leaves unprocessed. Missing items are left out.
 */
export async function batchGetAll<S extends z.ZodType>(
  deps: ReadDeps,
  tableName: string,
  keys: Key[],
  schema: S,
): Promise<z.infer<S>[]> {
  const found: z.infer<S>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 8) throw new Error('BatchGet kept returning unprocessed keys');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await deps.db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...(out.Responses?.[tableName] ?? []).map((item) => schema.parse(item)));
      pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
