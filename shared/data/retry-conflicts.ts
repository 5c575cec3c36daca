import { TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { unavailable } from '../errors';

/** Whether DynamoDB refused a write only because another transaction held one of its items. */
export function isTransactionConflict(err: unknown): boolean {
  if (err instanceof TransactionConflictException) return true;
  return (
    err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `write` again, after a jittered and growing pause, while DynamoDB
 * answers with a transaction conflict (the SDK does not retry these). After
 * the last attempt the caller gets a 503 to retry later: never a 409 or a 500.
 * `pointless` is asked after each conflict; true ends the retries with the conflict itself.
 */
export async function retryConflicts<T>(
  write: () => Promise<T>,
  opts: { attempts?: number; pointless?: () => Promise<boolean> } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      // The caller may know that another attempt cannot succeed any more (its code was spent meanwhile).
      if (opts.pointless && (await opts.pointless())) throw err;
      if (attempt >= attempts) throw unavailable('提交的人太多了，请稍后重试');
      await sleep(Math.random() * 10 * 2 ** attempt);
    }
  }
}
