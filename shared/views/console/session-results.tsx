import { memberCategoryLabels } from '../../domain/org';
import { gradeLabels, grades, markLabels, marksFor, type SessionView } from '../../domain/review';
import type { ResultsView } from '../../domain/review-views';
import { voterGroupLabels, voterGroups } from '../../domain/vote';
import { HBars, StackedBars } from './charts';
import { percent } from './format';
import { Csrf } from './layout';

/** A closed session's results per member and for the leading team, with the organisation's determinations. */
export function SessionResults(
  props: ResultsView & {
    session: SessionView;
    csrf: string;
    canRun: boolean;
    threshold?: number | undefined;
  },
) {
  const determined = new Map(props.determinations.map((d) => [d.memberId, d]));
  const l = props.tally.leadership;
  // The member columns: the four grades, and 不了解 where mass representatives could mark it.
  const columns = marksFor(props.tally, 'mass');
  return (
    <section id="determinations">
      <h2>评议结果（仅供参考，以组织评定为准）</h2>
      {props.tally.withheld && (
        <p class="flash">
          收回的选票只有{props.tally.ballots.total}张，太少：为保护投票人，不公布票数，请组织评定。
        </p>
      )}
      {l.combined && (
        <p>
          领导班子：满意 {l.combined.satisfied}，基本满意 {l.combined.basicallySatisfied}，不满意{' '}
          {l.combined.dissatisfied}，不了解 {l.combined.unknown}；满意率{' '}
          {l.satisfactionRate === null ? '—' : percent(l.satisfactionRate)}
          {l.remedial ? '，低于规定，需要补课' : ''}。
        </p>
      )}
      {l.satisfactionRate !== null && (
        <HBars
          title="领导班子满意率（虚线为规定比例）"
          shares
          threshold={props.threshold}
          rows={[{ label: '领导班子满意率', value: l.satisfactionRate }]}
        />
      )}
      {props.tally.membersWithheld && !props.tally.withheld && (
        <p class="flash">
          群众代表少于公布下限，且有人选了“不了解”：为保护投票人，各党员的票数不公布，请组织评定。
        </p>
      )}
      {!props.tally.membersWithheld && props.tally.members.length > 0 && (
        <StackedBars
          title="每位党员的评定票数"
          legend={columns.map((g) => markLabels[g])}
          rows={props.tally.members.map((m) => ({
            label: m.name,
            parts: columns.map((g) => m.combined?.[g] ?? 0),
          }))}
        />
      )}
      {voterGroups.some((g) => props.tally.shownApart[g]) && !props.tally.membersWithheld && (
        <>
          <h3>党员和群众代表分别评议的票数</h3>
          <table>
            <thead>
              <tr>
                <th rowspan={2}>党员</th>
                {voterGroups
                  .filter((g) => props.tally.shownApart[g])
                  .map((g) => (
                    <th colspan={marksFor(props.tally, g).length}>{voterGroupLabels[g]}</th>
                  ))}
              </tr>
              <tr>
                {voterGroups
                  .filter((g) => props.tally.shownApart[g])
                  .flatMap((g) => marksFor(props.tally, g).map((mark) => <th>{markLabels[mark]}</th>))}
              </tr>
            </thead>
            <tbody>
              {props.tally.members.map((m) => (
                <tr>
                  <td>{m.name}</td>
                  {voterGroups
                    .filter((g) => props.tally.shownApart[g])
                    .flatMap((g) =>
                      marksFor(props.tally, g).map((mark) => <td>{m.byGroup[g]?.[mark] ?? '—'}</td>),
                    )}
                </tr>
              ))}
              <tr>
                <td>领导班子满意度</td>
                {voterGroups
                  .filter((g) => props.tally.shownApart[g])
                  .map((g) => {
                    const c = l.byGroup[g];
                    return (
                      <td colspan={marksFor(props.tally, g).length}>
                        {c
                          ? `满意 ${c.satisfied}，基本满意 ${c.basicallySatisfied}，不满意 ${c.dissatisfied}，不了解 ${c.unknown}`
                          : '—'}
                      </td>
                    );
                  })}
              </tr>
            </tbody>
          </table>
        </>
      )}
      {voterGroups.every((g) => !props.tally.shownApart[g]) && !props.tally.withheld && (
        <p class="muted">有一类投票人少于公布下限，为保护投票人，党员和群众代表的票数不分开显示。</p>
      )}
      <p class="muted noprint">
        用浏览器打印（Ctrl+P）即可打印评议结果，操作按钮不会印出。　导出：
        <a href={`/api/review-sessions/${props.session.id}/results?format=xlsx`}>Excel（XLSX）</a>　
        <a href={`/api/review-sessions/${props.session.id}/results?format=csv`}>CSV</a>
      </p>
      {props.excellentCap.exceeded && (
        <p class="flash error">
          组织评定“优秀”{props.excellentCap.determined}名，超过上限 {props.excellentCap.allowed} 名。
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>党员</th>
            {columns.map((g) => (
              <th>{markLabels[g]}</th>
            ))}
            <th>优秀率</th>
            <th>合格率</th>
            <th>组织评定</th>
          </tr>
        </thead>
        <tbody>
          {props.tally.members.map((m) => {
            const d = determined.get(m.id);
            const member = props.session.members.find((x) => x.id === m.id);
            return (
              <tr>
                <td>
                  <a href={`/console/review-sessions/${props.session.id}/members/${m.id}/feedback`}>
                    {m.name}
                  </a>
                  {member ? <span class="muted">（{memberCategoryLabels[member.category]}）</span> : ''}
                  {m.flagIncompetent && <strong style="color:#a61b1b">　不合格票较多</strong>}
                </td>
                {columns.map((g) => (
                  <td>{m.combined ? m.combined[g] : '—'}</td>
                ))}
                <td>{m.excellentRate === null ? '—' : percent(m.excellentRate)}</td>
                <td>{m.qualifiedRate === null ? '—' : percent(m.qualifiedRate)}</td>
                <td>
                  {d ? `${gradeLabels[d.grade]}：${d.reason}` : ''}
                  {props.canRun && (
                    <>
                      <input
                        type="hidden"
                        name={`version_${m.id}`}
                        value={String(d?.version ?? 0)}
                        form="determinations-form"
                      />
                      {/* Nothing is chosen for the organisation: a row left at 请选择 is not saved. */}
                      <select
                        name={`grade_${m.id}`}
                        aria-label={`${m.name}的组织评定`}
                        form="determinations-form"
                      >
                        <option value="" selected={!d}>
                          请选择
                        </option>
                        {grades.map((g) => (
                          <option value={g} selected={d?.grade === g}>
                            {gradeLabels[g]}
                          </option>
                        ))}
                      </select>
                      <input
                        name={`reason_${m.id}`}
                        value={d?.reason ?? ''}
                        placeholder="评定理由"
                        aria-label={`${m.name}的评定理由`}
                        form="determinations-form"
                      />
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.canRun && (
        <form
          id="determinations-form"
          method="post"
          action={`/console/review-sessions/${props.session.id}/determinations`}
        >
          <Csrf token={props.csrf} />
          <p class="muted">每名党员选定等次、写明理由；没有选等次的不保存。全部填好后一次保存。</p>
          <button type="submit">保存组织评定</button>
        </form>
      )}
    </section>
  );
}
