import type { DocumentClient } from '../../shared/data/client';

type Consumed = { CapacityUnits?: number; WriteCapacityUnits?: number };

const reads = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);
const writes = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/** An item's size by DynamoDB's rule (attribute names plus values, UTF-8), near enough for capacity classes. */
export function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(value).length / 2) + 1;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((s: number, v) => s + 1 + itemBytes(v), 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>).reduce(
      (s, [k, v]) => s + Buffer.byteLength(k) + itemBytes(v),
      0,
    )
  );
}

type TransactItem = {
  Put?: { Item: Record<string, unknown> };
  Update?: unknown;
  ConditionCheck?: unknown;
  Delete?: unknown;
};

/**
 * Counts DynamoDB read requests, and write requests with the write capacity they consume
 * (`ReturnConsumedCapacity: INDEXES` is added to every write).
 * Single writes: DynamoDB Local's figure (1 unit per KB, plus index copies).
 * Transactions: DynamoDB Local reports only one item's units for a whole
 * multi-item transaction, so AWS's documented rule is applied instead: 2 units
 * per KB for every item (a Put by its size; an Update or ConditionCheck is
 * counted as one KB, which holds for the small code and session items).
 */
export function meterWrites(db: DocumentClient) {
  const totals = { requests: 0, wcu: 0, reads: 0 };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? '';
      if (reads.has(name)) totals.reads += 1;
      if (!writes.has(name)) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      totals.requests += 1;
      const items = (args.input as { TransactItems?: TransactItem[] }).TransactItems;
      if (name === 'TransactWriteItemsCommand' && items) {
        for (const i of items) totals.wcu += 2 * (i.Put ? Math.ceil(itemBytes(i.Put.Item) / 1024) : 1);
      } else {
        for (const c of [consumed ?? []].flat()) totals.wcu += c.CapacityUnits ?? c.WriteCapacityUnits ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'writeCapacityMeter', priority: 'low' },
  );
  return {
    /** Runs `work` and returns the write requests and write units it cost, and the read requests. */
    async measure(work: () => Promise<unknown>) {
      const before = { ...totals };
      await work();
      return {
        requests: totals.requests - before.requests,
        wcu: totals.wcu - before.wcu,
        reads: totals.reads - before.reads,
      };
    },
  };
}
