/**
 * A named condition on one stored item, written once: `holds` is its
 * TypeScript check and `shared/data/condition-expression.ts` turns the same
 * value into a DynamoDB ConditionExpression, so the rule DynamoDB enforces and
 * the rule the code explains a refusal with cannot drift apart.
 */
export type Comparison = '=' | '<' | '<=' | '>' | '>=';
export type Leaf =
  | { op: Comparison; field: string; value: string }
  | { op: 'absent' | 'present'; field: string };
export type Condition = Leaf | { op: 'and'; all: Condition[] } | { op: 'or'; any: Condition[] };

const leaf =
  (op: Comparison) =>
  (field: string, value: string): Leaf => ({ op, field, value });
export const eq = leaf('=');
export const lt = leaf('<');
export const le = leaf('<=');
export const gt = leaf('>');
export const ge = leaf('>=');
/** The item has no such attribute (or no item is there at all). */
export const absent = (field: string): Leaf => ({ op: 'absent', field });
/** The item has the attribute (so the item exists). */
export const present = (field: string): Leaf => ({ op: 'present', field });
export const and = (...all: Condition[]): Condition => ({ op: 'and', all });
export const or = (...any: Condition[]): Condition => ({ op: 'or', any });

const compare: Record<Comparison, (a: string, b: string) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** Whether one comparison holds, as DynamoDB judges it: a missing attribute fails every comparison. */
function leafHolds(l: Leaf, item: object): boolean {
  const v = (item as Record<string, unknown>)[l.field];
  if (!('value' in l)) return l.op === 'absent' ? v === undefined : v !== undefined;
  return typeof v === 'string' && compare[l.op](v, l.value);
}

/**
 * The comparison that makes the item fail, or undefined when it holds. For
 * an alternative that fails, its last alternative's reason is given.
 */
export function firstFailing(c: Condition, item: object): Leaf | undefined {
  if (c.op === 'and') {
    for (const part of c.all) {
      const failing = firstFailing(part, item);
      if (failing) return failing;
    }
    return undefined;
  }
  if (c.op === 'or') {
    let failing: Leaf | undefined;
    for (const part of c.any) {
      failing = firstFailing(part, item);
      if (!failing) return undefined;
    }
    return failing;
  }
  return leafHolds(c, item) ? undefined : c;
}

/** Whether the item (undefined: no item) meets the condition, as DynamoDB would judge it. */
export const holds = (c: Condition, item: object | undefined) => firstFailing(c, item ?? {}) === undefined;
