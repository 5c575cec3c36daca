/**
 * Whether a count of people is too small to show: some, but fewer than k.
 * None exposes nobody; k or more is shown.
 */
export const belowK = (n: number, k: number): boolean => n > 0 && n < k;

/** A breakdown cell after suppression: its count, or null where it is hidden. */
export interface Cell {
  key: string;
  count: number | null;
}

/**
 * Hides small groups in a breakdown whose cells add up to a shown total
 * (one answer per person, e.g. 党员 / 群众 / 未填). Cells of 1..k-1 are
 * hidden; then, while the hidden cells together hold fewer than k people
 * (so subtracting the visible cells from the total would reveal a small
 * group), the next smallest visible non-zero cell is hidden too. If the
 * total itself is below k, everything is hidden.
 */
export function suppressAdditive(
  counts: Record<string, number>,
  k: number,
): { cells: Cell[]; total: number | null } {
  const entries = Object.entries(counts);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (belowK(total, k)) return { cells: entries.map(([key]) => ({ key, count: null })), total: null };
  const hidden = new Set(entries.filter(([, n]) => belowK(n, k)).map(([key]) => key));
  const hiddenSum = () => entries.filter(([key]) => hidden.has(key)).reduce((s, [, n]) => s + n, 0);
  while (hidden.size > 0 && hiddenSum() < k) {
    // Ties broken by key, so every surface (summary, list tags, exports) hides the same cells
    // whatever order its counts came in: two different choices would together reveal both.
    const next = entries
      .filter(([key, n]) => !hidden.has(key) && n > 0)
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0];
    if (!next) break;
    hidden.add(next[0]);
  }
  return { cells: entries.map(([key, n]) => ({ key, count: hidden.has(key) ? null : n })), total };
}

/**
 * Hides small groups in a breakdown where one person may count in several
 * cells (multiple choice): the cells do not add up, so nothing can be
 * worked out by subtraction, and only the cells of 1..k-1 are hidden.
 */
export function suppressIndependent(counts: Record<string, number>, k: number): Cell[] {
  return Object.entries(counts).map(([key, n]) => ({ key, count: belowK(n, k) ? null : n }));
}

/**
 * What a hidden cell says, truthfully for both reasons it may be hidden: in a
 * breakdown that adds up (`additive`), a cell of k or more may be hidden so
 * that a small one cannot be worked out by subtraction; saying which reason
 * applies would point at the small one, so every hidden cell says both.
 */
export const hiddenCellText = (k: number, additive: boolean) =>
  additive ? `不单独显示（少于${k}人，或可由它推算出少于${k}人的一组）` : `少于${k}人，不单独显示`;
