/** The calendar day in China (Asia/Shanghai, UTC+8, no daylight saving) of an instant: `2026-11-25`. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
