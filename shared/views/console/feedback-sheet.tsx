import { memberCategoryLabels } from '../../domain/org';
import { gradeLabels, markLabels, marksFor } from '../../domain/review';
import type { ResultsView } from '../../domain/review-views';
import { voterGroupLabels, voterGroups } from '../../domain/vote';
import { Layout } from '../layout';
import { chinaTime, percent } from './format';

const css = `@page{size:A4;margin:15mm}body{background:#fff}main{max-width:180mm;padding:0}
table{width:100%;border-collapse:collapse}th,td{border:1px solid #444;padding:2mm 3mm;text-align:center}
th[scope=row]{text-align:left}.blank{height:30mm;vertical-align:top;text-align:left}
@media print{.noprint{display:none}}`;

/**
 * 个人评议情况反馈表: one member's appraisal as the organisation feeds it back
 * in a talk. Printable; it stays inside the organisation.
 */
export function FeedbackSheet(props: {
  unitName: string;
  countedAt: string;
  member: { name: string; category: string };
  tally: ResultsView['tally']['members'][number];
  k: number;
  massUnknown: boolean;
  determination?: { grade: string; reason: string } | undefined;
  back: string;
}) {
  const { tally, member } = props;
  const columns = marksFor({ massUnknown: props.massUnknown }, 'mass');
  const row = (label: string, counts: Record<string, number> | null) => (
    <tr>
      <th scope="row">{label}</th>
      {counts ? (
        columns.map((g) => <td>{counts[g] ?? 0}</td>)
      ) : (
        <td colspan={columns.length}>人数少于{props.k}人，不单独显示</td>
      )}
    </tr>
  );
  const grade = props.determination?.grade as keyof typeof gradeLabels | undefined;
  return (
    <Layout title={`${member.name} 个人评议情况反馈表`} css={css}>
      <p class="noprint">
        仅供党组织与本人谈心谈话使用，不公开。打印（Ctrl+P）后使用。<a href={props.back}>返回</a>
      </p>
      <h1 style="text-align:center">个人评议情况反馈表</h1>
      <p>
        单位：{props.unitName}　　姓名：{member.name}　　类别：
        {memberCategoryLabels[member.category as keyof typeof memberCategoryLabels] ?? member.category}
        　　计票：{chinaTime(props.countedAt)}
      </p>
      <table>
        <thead>
          <tr>
            <th>民主评议票</th>
            {columns.map((g) => (
              <th>{markLabels[g]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {voterGroups.map((g) => row(voterGroupLabels[g], tally.byGroup[g]))}
          {row('合计', tally.combined)}
        </tbody>
      </table>
      <p>
        优秀率 {tally.excellentRate === null ? '—' : percent(tally.excellentRate)}，合格率{' '}
        {tally.qualifiedRate === null ? '—' : percent(tally.qualifiedRate)}。
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">组织评定</th>
            <td style="text-align:left">
              {grade ? `${gradeLabels[grade]}。理由：${props.determination?.reason}` : '尚未评定'}
            </td>
          </tr>
          <tr>
            <th scope="row">谈话要点</th>
            <td class="blank" />
          </tr>
          <tr>
            <th scope="row">本人意见</th>
            <td class="blank" />
          </tr>
          <tr>
            <th scope="row">谈话人 / 日期</th>
            <td class="blank" style="height:12mm" />
          </tr>
        </tbody>
      </table>
    </Layout>
  );
}
