/**
 * A named condition on one stored item, written once: `holds` is its
 * TypeScript check and `shared/data/condition-expression.ts` turns the same
 * value into a DynamoDB ConditionExpression, so the rule DynamoDB enforces and
 * the rule the code explains a refusal with cannot drift apart.
 */
export type Comparison = '=' | '<' | '<=' | '>' | '>=';
export type Condition = { op: Comparison; field: string; value: string } | { op: 'and'; all: Condition[] };
export type Leaf = Extract<Condition, { field: string }>;

const leaf =
  (op: Comparison) =>
  (field: string, value: string): Leaf => ({ op, field, value });
export const eq = leaf('=');
export const lt = leaf('<');
export const le = leaf('<=');
export const gt = leaf('>');
export const ge = leaf('>=');
export const and = (...all: Condition[]): Condition => ({ op: 'and', all });

/** Every comparison of a condition, in order. */
export const leavesOf = (c: Condition): Leaf[] => (c.op === 'and' ? c.all.flatMap(leavesOf) : [c]);

const compare: Record<Comparison, (a: string, b: string) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** The first comparison the item fails (a missing attribute fails every one), or undefined when it holds. */
export function firstFailing(c: Condition, item: Record<string, unknown>): Leaf | undefined {
  return leavesOf(c).find((l) => {
    const v = item[l.field];
    return typeof v !== 'string' || !compare[l.op](v, l.value);
  });
}

/** Whether the item meets the condition, as DynamoDB would judge it. */
export const holds = (c: Condition, item: Record<string, unknown>) => firstFailing(c, item) === undefined;
