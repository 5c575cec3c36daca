import { type EvaluationResults, remedialReasonLabels } from '../../domain/evaluation';
import { satisfactionLabels, satisfactions } from '../../domain/review';
import { percent } from './format';

const rate = (r: number | null) => (r === null ? '—' : percent(r));

/** A counted evaluation's sealed results: per measure and overall, with the 补课 verdict. */
export function EvaluationResultsTable(props: { results: EvaluationResults }) {
  const r = props.results;
  const short = new Set(r.remedial.shortMeasures);
  return (
    <div>
      <p>
        收回测评票 {r.ballots} 份。
        {r.poll ? (
          <strong>
            意见征询（公开链接，每人可多次提交）：总体满意率 {rate(r.overall.rate)}
            ，仅供参考，不作为是否补课的依据。
          </strong>
        ) : r.remedial.flagged ? (
          <strong class="error">
            需要补课：{r.remedial.reason ? remedialReasonLabels[r.remedial.reason] : ''}（规定满意率不低于
            {r.threshold}%）。
          </strong>
        ) : (
          <strong>
            总体满意率 {rate(r.overall.rate)}，达到规定（不低于{r.threshold}%）。
          </strong>
        )}
      </p>
      {r.unresolvedSlips.length > 0 && (
        <p class="muted">两名计票人未录入一致、未计入的纸质票：第{r.unresolvedSlips.join('、')}号。</p>
      )}
      {r.withheld ? (
        <p class="muted">参加测评的不足公布下限，不显示各项评价。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>评价项目</th>
              {satisfactions.map((s) => (
                <th>{satisfactionLabels[s]}</th>
              ))}
              <th>满意率</th>
            </tr>
          </thead>
          <tbody>
            {r.measures.map((m) => (
              <tr>
                <td>
                  {m.action}
                  <br />
                  <span class="muted">问题：{m.problem}</span>
                  {short.has(m.measureId) && <strong class="error">　未达标</strong>}
                </td>
                {satisfactions.map((s) => (
                  <td>{m.counts?.[s] ?? '—'}</td>
                ))}
                <td>{rate(m.rate)}</td>
              </tr>
            ))}
            <tr>
              <td>
                <strong>总体评价</strong>
              </td>
              {satisfactions.map((s) => (
                <td>{r.overall.counts?.[s] ?? '—'}</td>
              ))}
              <td>
                <strong>{rate(r.overall.rate)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <p class="muted">满意率 =（满意 + 基本满意）÷（全部评价 − 不了解）。</p>
    </div>
  );
}
