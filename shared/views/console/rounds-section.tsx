import type { Round } from '../../domain/round';
import { chinaTime } from './format';
import { Csrf } from './layout';

export type RoundView = Round & { link: string; state: 'notYetOpen' | 'open' | 'closed' };

const stateLabels = { notYetOpen: '未开始', open: '进行中', closed: '已结束' } as const;

/** The unit page's opinion-collection section: its rounds, their links and QR codes, and a form to open one. */
export function RoundsSection(props: {
  unitId: string;
  rounds: RoundView[];
  csrf: string;
  canCollect: boolean;
  /** Opinions received so far (the live count), or null while fewer than k. */
  opinions: { total: number | null; k: number };
}) {
  return (
    <section>
      <h2 id="rounds">广泛征求意见</h2>
      <p>
        已收到群众意见{' '}
        <strong>
          {props.opinions.total === null ? `不足${props.opinions.k}份` : `${props.opinions.total} 份`}
        </strong>
        {' · '}
        <a href={`/console/units/${props.unitId}/opinions`}>查看群众意见汇总</a>
        {' · '}
        <a href={`/console/units/${props.unitId}/report`}>问题清单和分析评议报告</a>
      </p>
      {props.rounds.length === 0 && <p class="muted">还没有开启征求意见。</p>}
      {/* Newest first; numbered in the order they were opened, so two open rounds are told apart. */}
      {props.rounds.map((r, i) => (
        <div class="card">
          <p>
            <strong>
              第{props.rounds.length - i}轮 · {stateLabels[r.state]}
            </strong>
            　{chinaTime(r.opensAt)} 至 {chinaTime(r.closedEarlyAt ?? r.closesAt)}
            {r.form.questions.length > 0
              ? `　自定义题目 ${r.form.questions.length} 个（第${r.form.version}版）`
              : ''}
          </p>
          <p>
            链接：<a href={r.link}>{r.link}</a>
          </p>
          <p>
            <a href={`/console/rounds/${r.id}/poster`}>打印海报</a>
            {' · '}
            <a href={`/api/rounds/${r.id}/qr.svg`}>二维码 SVG</a>
            {' · '}
            <a href={`/api/rounds/${r.id}/qr.png`}>二维码 PNG</a>
          </p>
          {props.canCollect && r.state !== 'closed' && (
            <form
              method="post"
              action={`/console/rounds/${r.id}/close`}
              data-confirm="提前结束后群众不能再提交意见，确定结束吗？"
            >
              <Csrf token={props.csrf} />
              <button type="submit" class="secondary">
                提前结束
              </button>
            </form>
          )}
        </div>
      ))}
      {props.canCollect && (
        <form method="post" action={`/console/units/${props.unitId}/rounds`} class="card">
          <Csrf token={props.csrf} />
          <label for="closesOn">开启新一轮征求意见，截止日期（北京时间当天24时）</label>
          <input id="closesOn" name="closesOn" type="date" required />
          <button type="submit">开启</button>
        </form>
      )}
    </section>
  );
}
