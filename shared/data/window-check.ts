import type { TransactItem } from './transact';

/**
 * The ConditionCheck that the item at `key` (a round or a review session) takes
 * submissions at `now`: not closed early, opened, not yet over. The same rule
 * as `windowState` in the domain, said as a DynamoDB condition.
 */
export function openWindowCheck(tableName: string, key: { pk: string; sk: string }, now: Date): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: key,
      ConditionExpression: 'attribute_not_exists(closedEarlyAt) AND opensAt <= :now AND closesAt > :now',
      ExpressionAttributeValues: { ':now': now.toISOString() },
    },
  };
}
