import type { Step, Task } from '../../domain/tasks';

/** 待办: what waits for this person, each a link to where it is done. */
export function TasksList(props: { tasks: Task[] }) {
  return (
    <section class="card" aria-labelledby="todo">
      <h2 id="todo" style="margin-top:0">
        待办（{props.tasks.length}）
      </h2>
      {props.tasks.length === 0 ? (
        <p class="muted">眼下没有等您处理的事项。</p>
      ) : (
        <ul>
          {props.tasks.map((t) => (
            <li>
              <a href={t.href}>{t.text}</a>
              {t.urgent && <strong>（紧急）</strong>}
              {t.note && <span class="muted">　{t.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const marks: Record<Step['state'], string> = { done: '✓ 已完成', next: '→ 下一步', later: '　' };

/** The unit's campaign steps: done, next (linked), still to come. */
export function StepsList(props: { steps: Step[] }) {
  return (
    <section class="card" aria-labelledby="steps">
      <h2 id="steps" style="margin-top:0">
        活动步骤
      </h2>
      <ol>
        {props.steps.map((s) => (
          <li>
            {s.state === 'next' ? (
              <strong>
                <a href={s.href}>{s.label}</a>
              </strong>
            ) : s.state === 'done' ? (
              <span>{s.label}</span>
            ) : (
              <span class="muted">{s.label}</span>
            )}
            <span class="muted">　{marks[s.state]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
