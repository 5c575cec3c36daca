/**
 * Server-rendered SVG charts: no chart library, nothing from outside our
 * origin, readable in print (text labels, not only colour).
 */

import { percent } from '../../domain/percent';

// Grades from best to worst, then 不了解 (pale: not a judgement).
const palette = ['#a61b1b', '#d9822b', '#e8c547', '#7a7a7a', '#c9d3dc'];

/** Horizontal bars with their value and share; an optional threshold line (e.g. 满意率 60%). */
export function HBars(props: {
  rows: { label: string; value: number | null; note?: string | undefined }[];
  /** Values are shares (0..1) shown as percentages; otherwise counts with their share of `total`. */
  shares?: boolean;
  total?: number | undefined;
  threshold?: number | undefined;
  title: string;
}) {
  const rowH = 26;
  const labelW = 210;
  const barW = 330;
  const max = props.shares ? 1 : Math.max(1, ...props.rows.map((r) => r.value ?? 0));
  const height = props.rows.length * rowH + 8;
  const text = (v: number | null, note?: string) => {
    if (v === null) return note ?? '—';
    if (props.shares) return percent(v);
    const share = props.total ? `（${((v / props.total) * 100).toFixed(0)}%）` : '';
    return `${v}${share}`;
  };
  return (
    <svg
      viewBox={`0 0 ${labelW + barW + 120} ${height}`}
      width="100%"
      role="img"
      aria-label={props.title}
      style="max-width:720px;font:13px sans-serif"
    >
      <title>{props.title}</title>
      {props.rows.map((r, i) => {
        const y = i * rowH + 4;
        const w = r.value === null ? 0 : Math.max(r.value > 0 ? 2 : 0, (r.value / max) * barW);
        return (
          <g>
            <text x={labelW - 6} y={y + 16} text-anchor="end" fill="#222">
              {r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label}
            </text>
            <rect x={labelW} y={y + 3} width={barW} height={rowH - 8} fill="#f1ece4" />
            <rect x={labelW} y={y + 3} width={w} height={rowH - 8} fill="#a61b1b" />
            <text x={labelW + barW + 6} y={y + 16} fill="#222">
              {text(r.value, r.note)}
            </text>
          </g>
        );
      })}
      {props.threshold !== undefined && (
        <g>
          <line
            x1={labelW + props.threshold * barW}
            x2={labelW + props.threshold * barW}
            y1={0}
            y2={height}
            stroke="#222"
            stroke-dasharray="4 3"
          />
          <text x={labelW + props.threshold * barW + 3} y={height - 2} font-size="11" fill="#222">
            {`${Math.round(props.threshold * 100)}%`}
          </text>
        </g>
      )}
    </svg>
  );
}

/** Columns per day (opinions received over days). */
export function DayColumns(props: { days: { day: string; count: number }[]; title: string }) {
  const colW = 22;
  const h = 120;
  const max = Math.max(1, ...props.days.map((d) => d.count));
  const width = Math.max(200, props.days.length * colW + 40);
  return (
    <svg
      viewBox={`0 0 ${width} ${h + 34}`}
      width={width}
      role="img"
      aria-label={props.title}
      style="max-width:100%;font:11px sans-serif"
    >
      <title>{props.title}</title>
      {props.days.map((d, i) => {
        const bh = (d.count / max) * h;
        const x = 20 + i * colW;
        return (
          <g>
            <rect x={x} y={h - bh + 12} width={colW - 6} height={bh} fill="#a61b1b" />
            <text x={x + (colW - 6) / 2} y={h - bh + 9} text-anchor="middle" fill="#222">
              {d.count}
            </text>
            {(i === 0 || i === props.days.length - 1 || i % 7 === 0) && (
              <text x={x} y={h + 28} fill="#555">
                {d.day.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** One stacked bar per row (e.g. a member's grades), with a legend. */
export function StackedBars(props: {
  rows: { label: string; parts: number[] }[];
  legend: string[];
  title: string;
}) {
  const rowH = 24;
  const labelW = 120;
  const barW = 420;
  const height = props.rows.length * rowH + 30;
  return (
    <svg
      viewBox={`0 0 ${labelW + barW + 20} ${height}`}
      width="100%"
      role="img"
      aria-label={props.title}
      style="max-width:720px;font:12px sans-serif"
    >
      <title>{props.title}</title>
      {props.legend.map((l, i) => (
        <g>
          <rect x={labelW + i * 90} y={2} width={12} height={12} fill={palette[i % palette.length]} />
          <text x={labelW + i * 90 + 16} y={12} fill="#222">
            {l}
          </text>
        </g>
      ))}
      {props.rows.map((r, i) => {
        const total = r.parts.reduce((s, n) => s + n, 0) || 1;
        let x = labelW;
        const y = 24 + i * rowH;
        return (
          <g>
            <text x={labelW - 6} y={y + 14} text-anchor="end" fill="#222">
              {r.label}
            </text>
            {r.parts.map((n, j) => {
              const w = (n / total) * barW;
              const at = x;
              x += w;
              return (
                <g>
                  <rect x={at} y={y + 2} width={w} height={rowH - 6} fill={palette[j % palette.length]} />
                  {w > 18 && (
                    <text x={at + w / 2} y={y + 15} text-anchor="middle" fill={j < 1 ? '#fff' : '#222'}>
                      {n}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
