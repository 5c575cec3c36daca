import { measureStateLabels, type PublicMeasure } from '../../domain/rectification';

export const measuresCss = `.ms{list-style:none;padding:0;margin:4px 0 10px}.ms>li{border-left:3px solid #c00;padding:2px 8px;margin:6px 0;background:#fff}
.ms .s{display:inline-block;font-size:.8em;padding:0 6px;border-radius:3px;background:#eee}.ms .done{background:#e6f4ea}.ms ol{margin:2px 0 0 1.2em;padding:0;font-size:.9em;color:#444}`;

/** A problem's rectification measures as the masses see them: what, which post, by when, how far. */
export function MeasuresList(props: { measures: PublicMeasure[] }) {
  if (props.measures.length === 0) return <p class="m">整改措施正在制定中。</p>;
  return (
    <ul class="ms">
      {props.measures.map((m) => (
        <li>
          <span class={m.state === 'done' ? 's done' : 's'}>{measureStateLabels[m.state]}</span> {m.action}
          <br />
          <small>
            责任岗位：{m.post}；完成时限：{m.deadline}
          </small>
          {m.progress.length > 0 && (
            <ol>
              {m.progress.map((p) => (
                <li>
                  {p.on}：{p.note}
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}
