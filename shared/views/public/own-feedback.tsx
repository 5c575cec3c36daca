import { percent } from '../../domain/percent';
import { gradeLabels, markLabels, marksFor } from '../../domain/review';
import type { OwnFeedback } from '../../domain/review-views';
import { voterGroupLabels, voterGroups } from '../../domain/vote';

export const feedbackCss = `.fb table{width:100%;border-collapse:collapse;background:#fff;font-size:.9em}
.fb th,.fb td{border:1px solid #ccc;padding:4px 6px;text-align:center}.fb th[scope=row]{text-align:left}`;

/**
 * 个人评议情况反馈: the member's own appraisal, on their link only: the grades
 * by voter group as sealed (a group below k stays withheld), the rates and
 * the organisation's grade with its reason.
 */
export function OwnFeedbackSection(props: { feedback: OwnFeedback; printLink?: string | undefined }) {
  const f = props.feedback;
  const columns = marksFor({ massUnknown: f.massUnknown }, 'mass');
  const row = (label: string, counts: Record<string, number> | null) => (
    <tr>
      <th scope="row">{label}</th>
      {counts ? (
        columns.map((g) => <td>{counts[g] ?? 0}</td>)
      ) : (
        <td colspan={columns.length}>人数少于{f.k}人，不单独显示</td>
      )}
    </tr>
  );
  const grade = f.determination.grade as keyof typeof gradeLabels;
  return (
    <section class="fb card">
      <h2>本人民主评议结果（只有您本人能看到）</h2>
      <table>
        <thead>
          <tr>
            <th>评议票</th>
            {columns.map((g) => (
              <th>{markLabels[g]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {voterGroups.map((g) => row(voterGroupLabels[g], f.byGroup[g]))}
          {row('合计', f.combined)}
        </tbody>
      </table>
      <p>
        优秀率 {f.excellentRate === null ? '—' : percent(f.excellentRate)}，合格率{' '}
        {f.qualifiedRate === null ? '—' : percent(f.qualifiedRate)}。
      </p>
      <p>
        党组织评定：<strong>{gradeLabels[grade] ?? grade}</strong>。理由：{f.determination.reason}
      </p>
      {props.printLink && (
        <p>
          <a href={props.printLink}>打印个人评议情况反馈表</a>
        </p>
      )}
    </section>
  );
}
