import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import type { DocumentClient } from '../../shared/data/client';

type Keyed = { TableName?: string; Key?: Record<string, unknown>; Item?: Record<string, unknown> };
type TransactItem = { Put?: Keyed; Update?: Keyed; Delete?: Keyed; ConditionCheck?: Keyed };

/** The identity of the item a request touches: its table and its pk/sk. */
function itemId(x: Keyed): string {
  const source = x.Key ?? x.Item ?? {};
  return JSON.stringify([x.TableName, source.pk, source.sk]);
}

/**
 * Gives DynamoDB Local AWS's transaction conflict rules, which it lacks (it
 * runs transactions one at a time). From the moment a TransactWriteItems is
 * sent until its answer, the items it names (a ConditionCheck counts) are in
 * flight. Another TransactWriteItems naming one of them is cancelled with
 * `TransactionCanceledException` whose `CancellationReasons` say
 * `TransactionConflict` for that item and `None` for the others; a single
 * PutItem, UpdateItem or DeleteItem on one of them fails with
 * `TransactionConflictException`. The SDK retries neither (DynamoDB developer
 * guide, "Transaction conflict handling in DynamoDB").
 *
 * Returns a counter of the conflicts it raised, so a test can show it bit.
 */
export function simulateTransactionConflicts(db: DocumentClient) {
  const inFlight = new Map<string, number>();
  const raised = { transactions: 0, singleWrites: 0 };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: TransactItem[] } & Keyed;
      const name = context.commandName ?? '';
      if (name === 'TransactWriteItemsCommand' && input.TransactItems) {
        const ids = input.TransactItems.map((t) => {
          const op = t.Put ?? t.Update ?? t.Delete ?? t.ConditionCheck;
          return op ? itemId(op) : '';
        });
        if (ids.some((id) => inFlight.has(id))) {
          raised.transactions += 1;
          throw new TransactionCanceledException({
            message:
              'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
            $metadata: { httpStatusCode: 400 },
            CancellationReasons: ids.map((id) =>
              inFlight.has(id)
                ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
                : { Code: 'None' },
            ),
          });
        }
        for (const id of ids) inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
        try {
          return await next(args);
        } finally {
          for (const id of ids) {
            const n = (inFlight.get(id) ?? 1) - 1;
            if (n === 0) inFlight.delete(id);
            else inFlight.set(id, n);
          }
        }
      }
      if (
        ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'].includes(name) &&
        inFlight.has(itemId(input))
      ) {
        raised.singleWrites += 1;
        throw new TransactionConflictException({
          message: 'Transaction is ongoing for the item',
          $metadata: { httpStatusCode: 400 },
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'transactionConflictSimulator', priority: 'low' },
  );
  return raised;
}
