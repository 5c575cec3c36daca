export { chinaTime } from '../../domain/china-day';
export { percent } from '../../domain/percent';

/** A share as a small fraction where there is one (1/3, 4/5), else as a decimal. */
export function shareText(share: number): string {
  for (let d = 1; d <= 20; d++) {
    const n = Math.round(share * d);
    if (Math.abs(n / d - share) < 1e-9) return d === 1 ? String(n) : `${n}/${d}`;
  }
  return String(share);
}

/** Reads "1/3" or "0.25" back into a number; anything else is returned as text for validation to name. */
export function parseShare(text: string): number | string {
  const m = text.trim().match(/^(\d+)\s*\/\s*(\d+)$/);
  if (m) return Number(m[2]) === 0 ? text : Number(m[1]) / Number(m[2]);
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}
