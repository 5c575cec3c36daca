import { orderCells } from '../../domain/opinion-summary';
import { hiddenCellText } from '../../domain/suppress';
import { percent } from './format';

type Cell = { key: string; count: number | null };

/** A bar chart of one breakdown in plain HTML; hidden cells say why they are hidden. */
export function BreakdownBars(props: {
  title: string;
  cells: Cell[];
  labels: Record<string, string>;
  k: number;
  total: number | null;
  /** One answer per person (the cells add up to the total): a hidden cell may be a large one. */
  additive?: boolean;
}) {
  const max = Math.max(1, ...props.cells.map((c) => c.count ?? 0));
  const cells = orderCells(props.cells);
  return (
    <div class="card">
      <h2 style="margin-top:0">{props.title}</h2>
      <table>
        <tbody>
          {cells.map((c) => (
            <tr>
              <th style="width:40%">{props.labels[c.key] ?? c.key}</th>
              <td>
                {c.count === null ? (
                  <span class="muted">{hiddenCellText(props.k, props.additive === true)}</span>
                ) : (
                  <span>
                    <span
                      style={`display:inline-block;height:.9em;background:#c0392b;width:${Math.round((c.count / max) * 70)}%;vertical-align:middle`}
                    />{' '}
                    {c.count}
                    {props.total ? `（${percent(c.count / props.total)}）` : ''}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
