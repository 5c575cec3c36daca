import type { SessionView } from '../../domain/review';
import { chinaTime } from './format';
import { Csrf } from './layout';

export const stateLabels = { notYetOpen: '未开始', open: '进行中', closed: '已结束' } as const;

/** The unit page's democratic review section: sessions and a form to open one. */
export function ReviewSection(props: {
  unitId: string;
  sessions: SessionView[];
  csrf: string;
  canRun: boolean;
  inAppraisal: boolean;
}) {
  return (
    <section>
      <h2 id="review">民主评议</h2>
      {props.sessions.map((session) => (
        <p>
          <a href={`/console/review-sessions/${session.id}`}>
            {stateLabels[session.state]}：{chinaTime(session.opensAt)} 至{' '}
            {chinaTime(session.closedEarlyAt ?? session.closesAt)}
            ，评议党员 {session.members.length} 名
          </a>
        </p>
      ))}
      {props.canRun && props.inAppraisal && (
        <form method="post" action={`/console/units/${props.unitId}/review-sessions`} class="card">
          <Csrf token={props.csrf} />
          <label for="reviewClosesOn">开展民主评议，截止日期（北京时间当天24时）</label>
          <input id="reviewClosesOn" name="closesOn" type="date" required />
          <button type="submit">开始评议</button>
        </form>
      )}
      {props.canRun && !props.inAppraisal && <p class="muted">进入“分析评议”阶段后可开展民主评议。</p>}
    </section>
  );
}
