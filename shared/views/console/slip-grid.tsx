import type { EvaluationItem } from '../../domain/evaluation';
import {
  markLabels,
  marksFor,
  type Satisfaction,
  type SessionView,
  satisfactionLabels,
  satisfactions,
} from '../../domain/review';
import type { VoterGroup } from '../../domain/vote';
import { type ReconciliationView, slipStateLabels } from '../../domain/vote-count';

/** The tellers' slip grid: a slip's rows for each kind of vote, and where the slips stand. */

/** A teller's own earlier marks on the slip being corrected, by field name (`g_{memberId}`, `satisfaction`, `overall`, `m_{measureId}`). */
export type SlipMarks = Record<string, string>;

/** One row of satisfaction answers (满意 … 不了解) for the field `name`. */
function SatisfactionRows(props: {
  head: string;
  rows: { name: string; label: string }[];
  marks?: SlipMarks;
}) {
  return (
    <table class="slip-grid">
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          {satisfactions.map((x) => (
            <th scope="col">{satisfactionLabels[x as Satisfaction]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            {satisfactions.map((x) => (
              <td>
                <label class="cell">
                  <input
                    type="radio"
                    name={row.name}
                    value={x}
                    required
                    checked={props.marks?.[row.name] === x}
                    aria-label={`${row.label} ${satisfactionLabels[x]}`}
                  />
                </label>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Paper slips not yet counted, each in its one wording; waiting for the other teller is not an error. */
export function SlipStates(props: { mismatches: ReconciliationView['paperMismatches'] }) {
  const different = props.mismatches.filter((m) => m.problem === 'different');
  const waiting = props.mismatches.filter((m) => m.problem === 'onlyOneTeller');
  const list = (ms: typeof different) => ms.map((m) => `第${m.slipNo}号`).join('、');
  return (
    <>
      {different.length > 0 && (
        <p class="flash error">
          {slipStateLabels.different}，请两位计票人对照纸质票更正：{list(different)}
        </p>
      )}
      {waiting.length > 0 && (
        <p class="muted">
          {slipStateLabels.onlyOneTeller}录入：{list(waiting)}
        </p>
      )}
    </>
  );
}

/**
 * A review slip's rows: one per member, the grades as adjacent columns (Tab
 * goes down the slip, one stop per row; the arrow keys or Space choose within
 * a row; Enter sends), then the leading team's satisfaction.
 */
export function ReviewSlipRows(props: { session: SessionView; voterGroup: VoterGroup; marks?: SlipMarks }) {
  const { session } = props;
  // Only the marks this voter group's slip carries: 不了解 is offered on mass representatives' slips alone.
  const slipMarks = marksFor(session, props.voterGroup);
  return (
    <>
      <table class="slip-grid">
        <thead>
          <tr>
            <th scope="col">党员</th>
            {slipMarks.map((g) => (
              <th scope="col">{markLabels[g]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {session.members.map((m) => (
            <tr>
              <th scope="row">{m.name}</th>
              {slipMarks.map((g) => (
                <td>
                  <label class="cell">
                    <input
                      type="radio"
                      name={`g_${m.id}`}
                      value={g}
                      required
                      checked={props.marks?.[`g_${m.id}`] === g}
                      aria-label={`${m.name} ${markLabels[g]}`}
                    />
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <SatisfactionRows
        head="领导班子"
        rows={[{ name: 'satisfaction', label: '满意度' }]}
        marks={props.marks}
      />
    </>
  );
}

/** An evaluation slip's rows: the overall answer, then one per measure. */
export function EvaluationSlipRows(props: { items: EvaluationItem[]; marks?: SlipMarks }) {
  return (
    <SatisfactionRows
      marks={props.marks}
      head="整改情况"
      rows={[
        { name: 'overall', label: '总体评价' },
        ...props.items.map((item, n) => ({
          name: `m_${item.measureId}`,
          label: `措施${n + 1}：${item.action}${item.post ? `（${item.post}）` : ''}`,
        })),
      ]}
    />
  );
}
