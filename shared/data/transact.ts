import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../deps';
import type { AuditEntry } from '../domain/audit';
import { newId } from './ids';
import { keys } from './keys';
import { retryConflicts } from './retry-conflicts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Builds the audit record that goes into the same transaction as the change,
 * so a console change and its trail are written together or not at all.
 */
export function auditPut(tableName: string, at: string, entry: Omit<AuditEntry, 'id' | 'at'>): TransactItem {
  return { Put: { TableName: tableName, Item: auditItem(at, entry) } };
}

/** The stored audit record of one console change. */
export function auditItem(at: string, entry: Omit<AuditEntry, 'id' | 'at'>): Record<string, unknown> {
  const id = newId();
  return { ...keys.audit(at, id), id, at, ...entry };
}

/**
 * Runs `items` plus an audit record as one transaction. A failed condition
 * becomes the error `onConditionFailed` returns for that item's index (a
 * domain error, or `HeadMoved` for a publication log's head); any other
 * failure is rethrown.
 */
export async function writeAudited(
  deps: Deps,
  items: TransactItem[],
  audit: Omit<AuditEntry, 'id' | 'at'>,
  onConditionFailed: (index: number) => Error,
): Promise<void> {
  const all = [...items, auditPut(deps.tableName, deps.now().toISOString(), audit)];
  try {
    await retryConflicts(() => deps.db.send(new TransactWriteCommand({ TransactItems: all })));
  } catch (err) {
    if (err instanceof TransactionCanceledException) {
      const failed = err.CancellationReasons?.findIndex((r) => r.Code === 'ConditionalCheckFailed') ?? -1;
      if (failed >= 0) throw onConditionFailed(failed);
    }
    throw err;
  }
}
