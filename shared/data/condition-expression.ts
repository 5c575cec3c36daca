import type { Condition } from '../domain/condition';

/**
 * A named condition as DynamoDB's ConditionExpression, with its own
 * placeholders (`#c0`, `:c0`, …) so it merges with an update's.
 */
export function conditionExpression(c: Condition) {
  const names: Record<string, string> = {};
  const values: Record<string, string> = {};
  let n = 0;
  const write = (part: Condition, nested: boolean): string => {
    if (part.op === 'and' || part.op === 'or') {
      const joined = (part.op === 'and' ? part.all : part.any)
        .map((p) => write(p, true))
        .join(part.op === 'and' ? ' AND ' : ' OR ');
      return nested ? `(${joined})` : joined;
    }
    const i = n++;
    names[`#c${i}`] = part.field;
    if (!('value' in part))
      return `${part.op === 'absent' ? 'attribute_not_exists' : 'attribute_exists'}(#c${i})`;
    values[`:c${i}`] = part.value;
    return `#c${i} ${part.op} :c${i}`;
  };
  const ConditionExpression = write(c, false);
  return {
    ConditionExpression,
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

/** A named condition with the update's own placeholders, merged for one command. */
export function withCondition(
  c: Condition,
  own: { names?: Record<string, string>; values?: Record<string, unknown> } = {},
) {
  const e = conditionExpression(c);
  const values = { ...own.values, ...e.ExpressionAttributeValues };
  return {
    ConditionExpression: e.ConditionExpression,
    ExpressionAttributeNames: { ...own.names, ...e.ExpressionAttributeNames },
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}
