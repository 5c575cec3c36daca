import {
  type MeasureState,
  measureStateLabels,
  measureStates,
  type Progress,
} from '../../domain/rectification';
import { Csrf } from './layout';

/** A measure's dated progress notes, each with the state it left the measure in. */
export const ProgressList = (props: { progress: Progress[] }) =>
  props.progress.length > 0 ? (
    <ol>
      {props.progress.map((x) => (
        <li>
          {x.on}：{x.note}（{measureStateLabels[x.state]}）
        </li>
      ))}
    </ol>
  ) : null;

/** The form that records progress on a measure (the unit's own or a member's), from the version shown. */
export function ProgressForm(props: {
  action: string;
  csrf: string;
  id: string;
  version: number;
  state: MeasureState;
}) {
  const { id } = props;
  const next = props.state === 'planned' ? 'underway' : props.state;
  return (
    <form method="post" action={props.action}>
      <Csrf token={props.csrf} />
      <input type="hidden" name="version" value={String(props.version)} />
      <label for={`note-${id}`}>整改进展</label>
      <input id={`note-${id}`} name="note" required minlength={2} maxlength={500} />
      <label for={`state-${id}`}>进展后的状态</label>
      <select id={`state-${id}`} name="state">
        {measureStates.map((s) => (
          <option value={s} selected={s === next}>
            {measureStateLabels[s]}
          </option>
        ))}
      </select>
      <button type="submit">记录进展</button>
    </form>
  );
}
