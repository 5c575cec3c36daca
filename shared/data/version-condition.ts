/**
 * The condition that an item is still at the version it was read at (see
 * `domain/version.ts`): 0 is an item stored before writes were counted.
 */
export function stillAt(was: number): {
  ConditionExpression: string;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  return was === 0
    ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
    : { ConditionExpression: 'version = :was', ExpressionAttributeValues: { ':was': was } };
}
