/** A share as a percentage with one decimal: 0.874 → 87.4% (console and public pages alike). */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
