import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../deps';
import { keys } from '../keys';

export interface LockPolicy {
  /** Password checks allowed before the lock. */
  maxAttempts: number;
  /** How long the lock lasts after the last allowed check; also when an old count starts over. */
  lockMinutes: number;
}

const conditionally = async (send: () => Promise<unknown>) => {
  try {
    await send();
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
};

/**
 * Reserves one password check for a username, before the password is
 * checked, with conditional updates of one item per username — whether or
 * not the account exists, so both cost the same and lock the same way.
 * 1. A count whose last check is older than the lock window starts over at 1.
 * 2. Otherwise it grows by one while below the limit.
 * 3. Otherwise the username is locked until the window has passed.
 * DynamoDB applies conditional updates of one item one at a time, so however
 * many arrive at once, at most `maxAttempts` are reserved.
 */
export async function reserveSignInAttempt(
  deps: Deps,
  username: string,
  now: Date,
  policy: LockPolicy,
): Promise<'reserved' | 'locked'> {
  const windowMs = policy.lockMinutes * 60_000;
  const common = {
    TableName: deps.tableName,
    Key: keys.signInAttempts(username),
    ExpressionAttributeNames: { '#n': 'attempts', '#at': 'lastAt' },
  };
  const values = {
    ':one': 1,
    ':now': now.toISOString(),
    ':ttl': Math.floor((now.getTime() + 2 * windowMs) / 1000),
  };
  const startedOver = await conditionally(() =>
    deps.db.send(
      new UpdateCommand({
        ...common,
        UpdateExpression: 'SET #n = :one, #at = :now, expiresAt = :ttl',
        ConditionExpression: 'attribute_not_exists(#at) OR #at < :cutoff',
        ExpressionAttributeValues: { ...values, ':cutoff': new Date(now.getTime() - windowMs).toISOString() },
      }),
    ),
  );
  if (startedOver) return 'reserved';
  const counted = await conditionally(() =>
    deps.db.send(
      new UpdateCommand({
        ...common,
        UpdateExpression: 'SET #n = #n + :one, #at = :now, expiresAt = :ttl',
        ConditionExpression: '#n < :max',
        ExpressionAttributeValues: { ...values, ':max': policy.maxAttempts },
      }),
    ),
  );
  return counted ? 'reserved' : 'locked';
}

/** A successful sign-in clears the username's count. */
export async function clearSignInAttempts(deps: Deps, username: string): Promise<void> {
  await deps.db.send(new DeleteCommand({ TableName: deps.tableName, Key: keys.signInAttempts(username) }));
}
