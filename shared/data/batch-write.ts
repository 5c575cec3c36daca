import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';

const chunk = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

async function writeChunk(deps: Deps, requests: Record<string, unknown>[]) {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 8) throw new Error('BatchWrite kept returning unprocessed items');
    if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    const out = await deps.db.send(new BatchWriteCommand({ RequestItems: { [deps.tableName]: pending } }));
    pending = (out.UnprocessedItems?.[deps.tableName] ?? []) as Record<string, unknown>[];
  }
}

/**
 * Puts many new items (an import). If any batch fails for good, the items
 * already written are deleted again before the error is rethrown, so an
 * import lands whole or not at all.
 */
export async function putAllOrNothing(deps: Deps, items: Record<string, unknown>[]): Promise<void> {
  const written: Record<string, unknown>[][] = [];
  try {
    for (const part of chunk(items, 25)) {
      await writeChunk(
        deps,
        part.map((Item) => ({ PutRequest: { Item } })),
      );
      written.push(part);
    }
  } catch (err) {
    for (const part of written) {
      await writeChunk(
        deps,
        part.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })),
      ).catch(() => undefined);
    }
    throw err;
  }
}
