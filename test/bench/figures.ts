/** One figure of the benchmark: its value, unit, target (if any) and whether it met it. */
export interface Figure {
  value: number | boolean;
  unit: string;
  /** The target in words, e.g. `≥ 0.9`; absent for figures reported for context. */
  target?: string;
  met?: boolean;
  /** Speed and memory targets mean nothing at smoke sizes; correctness ones hold at any size. */
  kind: 'speed' | 'correctness' | 'info';
}

export type Figures = Record<string, Figure>;

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export const atLeast = (value: number, min: number, unit = '', digits = 2): Figure => ({
  value: round(value, digits),
  unit,
  target: `≥ ${min}`,
  met: value >= min,
  kind: 'speed',
});

export const atMost = (
  value: number,
  max: number,
  unit = '',
  digits = 2,
  kind: Figure['kind'] = 'speed',
): Figure => ({ value: round(value, digits), unit, target: `≤ ${max}`, met: value <= max, kind });

export const exactly = (value: number | boolean, want: number | boolean, unit = ''): Figure => ({
  value: typeof value === 'number' ? round(value, 3) : value,
  unit,
  target: `= ${want}`,
  met: value === want,
  kind: 'correctness',
});

export const info = (value: number, unit = '', digits = 1): Figure => ({
  value: round(value, digits),
  unit,
  kind: 'info',
});

/** The table printed at the end: one row per figure. */
export function table(figures: Figures): string {
  const rows = Object.entries(figures).map(
    ([name, f]) =>
      `| ${name} | ${f.value}${f.unit ? ` ${f.unit}` : ''} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : 'NO'} |`,
  );
  return ['| figure | value | target | met |', '|---|---|---|---|', ...rows].join('\n');
}
