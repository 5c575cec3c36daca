import type { MemberMeasure } from '../../domain/member-measure';
import { isOverdue, measureStateLabels } from '../../domain/rectification';
import { ProgressForm, ProgressList } from './progress-form';

/**
 * 党员个人整改措施: the measures of the members' approved 党性分析 materials,
 * by member, followed like the unit's own (state, progress, overdue). They
 * name the member, so they are the console's alone.
 */
export function MemberMeasuresSection(props: {
  unitId: string;
  measures: MemberMeasure[];
  canWrite: boolean;
  csrf: string;
  today: string;
}) {
  const byMember = new Map<string, MemberMeasure[]>();
  for (const m of props.measures) byMember.set(m.memberId, [...(byMember.get(m.memberId) ?? []), m]);
  return (
    <section class="card" id="member-measures">
      <h2 style="margin-top:0">党性分析材料中的整改措施</h2>
      <p class="muted">
        党员的党性分析材料和领导班子分析检查报告经认可后，其中的整改措施列在这里，和单位的整改措施一样跟踪落实。
        只在管理端和党员本人的链接上显示，不在公开页面上，也不交群众测评。
      </p>
      {props.measures.length === 0 && <p class="muted">还没有经认可的党性分析材料。</p>}
      {[...byMember.values()].map((mine) => (
        <div>
          <h3>{mine[0]?.memberName}</h3>
          {mine.map((m) => (
            <div class="card" id={`mm-${m.id}`}>
              <p>
                <strong>{measureStateLabels[m.state]}</strong>
                {isOverdue(m, props.today) && <strong class="error">　已超过时限</strong>}　{m.action}
                <br />
                完成时限：{m.deadline}
              </p>
              <ProgressList progress={m.progress} />
              {props.canWrite && (
                <ProgressForm
                  action={`/console/units/${props.unitId}/member-measures/${m.id}/progress`}
                  csrf={props.csrf}
                  id={`mm-${m.id}`}
                  version={m.version}
                  state={m.state}
                />
              )}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
