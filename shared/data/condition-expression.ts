import { type Condition, leavesOf } from '../domain/condition';

/**
 * A named condition as DynamoDB's ConditionExpression, with its own
 * placeholders (`#c0`, `:c0`, …) so it merges with an update's.
 */
export function conditionExpression(c: Condition) {
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  const parts = leavesOf(c).map((l, i) => {
    names[`#c${i}`] = l.field;
    values[`:c${i}`] = l.value;
    return `#c${i} ${l.op} :c${i}`;
  });
  return {
    ConditionExpression: parts.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
