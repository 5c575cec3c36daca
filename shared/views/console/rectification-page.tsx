import type { Principal } from '../../domain/account';
import { chinaDay } from '../../domain/china-day';
import type { MemberMeasure } from '../../domain/member-measure';
import type { Unit } from '../../domain/org';
import { isOverdue, type Measure, measureStateLabels } from '../../domain/rectification';
import { byWeight, type Problem } from '../../domain/report';
import { ConsoleLayout, Csrf, PageLinks } from './layout';
import { MemberMeasuresSection } from './member-measures-section';
import { ProgressForm, ProgressList } from './progress-form';

/** 整改措施: each problem of the approved report with its measures, their progress and the forms to add both. */
export function RectificationPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  problems: Problem[];
  measures: Measure[];
  memberMeasures: MemberMeasure[];
  approved: boolean;
  now: Date;
}) {
  const { unit, csrf } = props;
  const role = props.who.scope.role;
  const canWrite = (role === 'leader' || role === 'office') && props.approved;
  const today = chinaDay(props.now);
  const base = `/console/units/${unit.id}/measures`;
  const problems = byWeight(props.problems);
  return (
    <ConsoleLayout title={`${unit.name} 整改措施`} who={props.who} csrf={csrf} flash={props.flash}>
      <PageLinks
        links={[
          [`/console/units/${unit.id}`, '返回单位'],
          [`/console/units/${unit.id}/report`, '分析评议报告'],
          [`/console/units/${unit.id}/evaluations`, '群众满意度测评'],
          [`/console/units/${unit.id}/mechanisms`, '长效机制与经验做法'],
        ]}
      />
      {!props.approved && <p class="muted">分析评议报告经督导组认可后，才能针对查摆出的问题制定整改措施。</p>}
      {problems.map((p) => {
        const mine = props.measures.filter((m) => m.problemId === p.id);
        return (
          <section class="card">
            <h2 style="margin-top:0">{p.title}</h2>
            <p class="muted">群众反映 {p.opinionRefs.length} 条</p>
            {mine.length === 0 && <p class="muted">还没有整改措施。</p>}
            {mine.map((m) => (
              <div class="card" id={`m-${m.id}`}>
                <p>
                  <strong>{measureStateLabels[m.state]}</strong>
                  {isOverdue(m, today) && <strong class="error">　已超过时限</strong>}　{m.action}
                  <br />
                  责任岗位：{m.post}；完成时限：{m.deadline}
                </p>
                <ProgressList progress={m.progress} />
                {canWrite && m.state !== 'done' && (
                  <details>
                    <summary>修改措施、责任岗位或完成时限</summary>
                    <form method="post" action={`${base}/${m.id}`}>
                      <Csrf token={csrf} />
                      <input type="hidden" name="version" value={String(m.version)} />
                      <label for={`eaction-${m.id}`}>整改措施（做什么）</label>
                      <textarea id={`eaction-${m.id}`} name="action" required minlength={4} maxlength={500}>
                        {m.action}
                      </textarea>
                      <label for={`epost-${m.id}`}>责任岗位（写职务，不写姓名）</label>
                      <input id={`epost-${m.id}`} name="post" required maxlength={40} value={m.post} />
                      <label for={`edeadline-${m.id}`}>完成时限</label>
                      <input
                        id={`edeadline-${m.id}`}
                        name="deadline"
                        type="date"
                        required
                        value={m.deadline}
                      />
                      <button type="submit">保存修改</button>
                    </form>
                    <form
                      method="post"
                      action={`${base}/${m.id}/delete`}
                      data-confirm="删除后这项措施从整改清单和公开页面上去掉（公示记录留有变动），确定删除吗？"
                    >
                      <Csrf token={csrf} />
                      <input type="hidden" name="version" value={String(m.version)} />
                      <p class="muted">措施定错了、还没交群众测评的，可以删除。</p>
                      <button type="submit" class="secondary">
                        删除这项措施
                      </button>
                    </form>
                  </details>
                )}
                {canWrite && (
                  <ProgressForm
                    action={`${base}/${m.id}/progress`}
                    csrf={csrf}
                    id={m.id}
                    version={m.version}
                    state={m.state}
                  />
                )}
              </div>
            ))}
            {canWrite && (
              <form method="post" action={base} id={`add-${p.id}`}>
                <Csrf token={csrf} />
                <input type="hidden" name="problemId" value={p.id} />
                <label for={`action-${p.id}`}>新的整改措施（做什么）</label>
                <textarea id={`action-${p.id}`} name="action" required minlength={4} maxlength={500} />
                <label for={`post-${p.id}`}>责任岗位（写职务，不写姓名）</label>
                <input id={`post-${p.id}`} name="post" required maxlength={40} placeholder="如：党支部书记" />
                <label for={`deadline-${p.id}`}>完成时限</label>
                <input id={`deadline-${p.id}`} name="deadline" type="date" required min={today} />
                <button type="submit">添加整改措施</button>
              </form>
            )}
          </section>
        );
      })}
      <MemberMeasuresSection
        unitId={unit.id}
        measures={props.memberMeasures}
        canWrite={role === 'leader' || role === 'office'}
        csrf={csrf}
        today={today}
      />
    </ConsoleLayout>
  );
}
