import { chinaDay } from '../../domain/china-day';
import { type PublicEvaluation, remedialReasonLabels } from '../../domain/evaluation';
import { percent } from '../../domain/percent';
import { measureStateLabels, type PublicMeasure } from '../../domain/rectification';

export const measuresCss = `.ms{list-style:none;padding:0;margin:4px 0 10px}.ms>li{border-left:3px solid #c00;padding:2px 8px;margin:6px 0;background:#fff}
.ms .s{display:inline-block;font-size:.8em;padding:0 6px;border-radius:3px;background:#eee}.ms .done{background:#e6f4ea}.ms ol{margin:2px 0 0 1.2em;padding:0;font-size:.9em;color:#444}`;

const rateText = (r: number | null | undefined) => (r === null || r === undefined ? '—' : percent(r));

/** A problem's rectification measures as the masses see them: what, which post, by when, how far, how rated. */
export function MeasuresList(props: {
  measures: PublicMeasure[];
  evaluation?: PublicEvaluation | undefined;
}) {
  const rated = props.evaluation && !props.evaluation.withheld ? props.evaluation.measureRates : undefined;
  if (props.measures.length === 0) return <p class="m">整改措施正在制定中。</p>;
  return (
    <ul class="ms">
      {props.measures.map((m) => (
        <li>
          <span class={m.state === 'done' ? 's done' : 's'}>{measureStateLabels[m.state]}</span> {m.action}
          <br />
          <small>
            责任岗位：{m.post}；完成时限：{m.deadline}
            {rated && m.id in rated && `；群众满意率 ${rateText(rated[m.id])}`}
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

/** The latest counted satisfaction evaluation in one paragraph: when, how many, 满意率, and whether to 补课. */
export function EvaluationSummary(props: { evaluation: PublicEvaluation }) {
  const e = props.evaluation;
  return (
    <div class="ev">
      <p>
        <strong>群众满意度测评结果</strong>（{chinaDay(new Date(e.countedAt))} 计票，{e.ballots} 人参加）：
        {e.withheld ? '参加人数不足，不公布各项结果。' : `总体满意率 ${rateText(e.overallRate)}。`}
      </p>
      {e.remedial ? (
        <p class="err">
          未达到规定（满意率不低于{e.threshold}%）：{e.reason ? remedialReasonLabels[e.reason] : ''}
          。本单位将进行补课并重新测评。
        </p>
      ) : (
        <p class="m">
          达到规定（满意率不低于{e.threshold}%）。满意率 =（满意 + 基本满意）÷（全部评价 − 不了解）。
        </p>
      )}
    </div>
  );
}
