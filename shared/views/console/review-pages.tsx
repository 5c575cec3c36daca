import type { Principal } from '../../domain/account';
import { memberCategoryLabels } from '../../domain/org';
import {
  gradeLabels,
  grades,
  type ReviewSession,
  satisfactionLabels,
  satisfactions,
  voterGroupLabels,
  voterGroups,
} from '../../domain/review';
import type { ReconciliationView, ResultsView } from '../../domain/review-views';
import { chinaTime, percent } from './format';
import { ConsoleLayout, Csrf } from './layout';

type Flash = { ok?: string | undefined; error?: string | undefined };
type SessionView = ReviewSession & { state: 'notYetOpen' | 'open' | 'closed' };
const stateLabels = { notYetOpen: '未开始', open: '进行中', closed: '已结束' } as const;

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
      <h2>民主评议</h2>
      {props.sessions.map((s) => (
        <p>
          <a href={`/console/review-sessions/${s.id}`}>
            {stateLabels[s.state]}：{chinaTime(s.opensAt)} 至 {chinaTime(s.closedEarlyAt ?? s.closesAt)}
            ，评议党员 {s.members.length} 名
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

/** One review session: live reconciliation (计票), codes, paper ballots, and after closing the results. */
export function SessionPage(props: {
  who: Principal;
  csrf: string;
  flash: Flash;
  session: SessionView;
  reconciliation: ReconciliationView;
  results?: ResultsView | undefined;
  receipts?: string[] | undefined;
}) {
  const { session: s, reconciliation: r, csrf } = props;
  const canRun = props.who.scope.role !== 'supervisor';
  const base = `/console/review-sessions/${s.id}`;
  return (
    <ConsoleLayout
      title={`${s.unitName} 民主评议（${stateLabels[s.state]}）`}
      who={props.who}
      csrf={csrf}
      flash={props.flash}
    >
      <p>
        {chinaTime(s.opensAt)} 至 {chinaTime(s.closedEarlyAt ?? s.closesAt)}。
        <a href={`/console/units/${s.unitId}`}>返回单位</a>
      </p>
      <h2>计票</h2>
      {r.void && <p class="flash error">收回票数多于发出票数，本次评议无效。</p>}
      <table>
        <thead>
          <tr>
            <th />
            <th>应到</th>
            <th>选票码 发出/已用/未用/作废</th>
            <th>纸质票发出</th>
            <th>收回 网上/纸质/合计</th>
            <th>参评率</th>
          </tr>
        </thead>
        <tbody>
          {voterGroups.map((g) => {
            const x = r.groups[g];
            return (
              <tr>
                <th>{voterGroupLabels[g]}</th>
                <td>{x.due}</td>
                <td>
                  {x.codes.issued} / {x.codes.used} / {x.codes.unused} / {x.codes.revoked}
                </td>
                <td>{x.paperIssued}</td>
                <td>
                  {x.ballots.online} / {x.ballots.paper} / {x.ballots.total}
                </td>
                <td>{x.turnout === null ? '—' : percent(x.turnout)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>党员到会{r.quorumMet ? '已' : '未'}达到规定比例。</p>
      {r.paperMismatches.length > 0 && (
        <p class="flash error">
          纸质票两名计票人录入不一致，请核对更正：
          {r.paperMismatches
            .map((m) => `第${m.slipNo}号（${m.problem === 'different' ? '内容不同' : '只录入一次'}）`)
            .join('、')}
        </p>
      )}
      {canRun && s.state !== 'closed' && (
        <div class="grid">
          <form method="post" action={`${base}/codes`} class="card">
            <Csrf token={csrf} />
            <h2 style="margin-top:0">制发选票码</h2>
            <label for="group">投票人</label>
            <select id="group" name="voterGroup">
              {voterGroups.map((g) => (
                <option value={g}>{voterGroupLabels[g]}</option>
              ))}
            </select>
            <label for="count">张数</label>
            <input id="count" name="count" type="number" min="1" max="500" required />
            <p class="muted">选票码只显示这一次，请直接打印、裁开、打乱后发放。</p>
            <button type="submit">生成并打印</button>
          </form>
          <form method="post" action={`${base}/revoke`} class="card">
            <Csrf token={csrf} />
            <h2 style="margin-top:0">作废未用选票码</h2>
            <label for="code">单个选票码（留空则作废该类别全部未用码）</label>
            <input id="code" name="code" />
            <label for="rgroup">投票人</label>
            <select id="rgroup" name="voterGroup">
              {voterGroups.map((g) => (
                <option value={g}>{voterGroupLabels[g]}</option>
              ))}
            </select>
            <button type="submit" class="secondary">
              作废
            </button>
          </form>
          <form method="post" action={`${base}/paper-issued`} class="card">
            <Csrf token={csrf} />
            <h2 style="margin-top:0">纸质票发出张数</h2>
            {voterGroups.map((g) => (
              <div>
                <label for={`pi_${g}`}>{voterGroupLabels[g]}</label>
                <input id={`pi_${g}`} name={g} type="number" min="0" value={String(s.paperIssued[g])} />
              </div>
            ))}
            <button type="submit">保存</button>
          </form>
        </div>
      )}
      {canRun && s.state !== 'notYetOpen' && (
        <form method="post" action={`${base}/paper`} class="card">
          <Csrf token={csrf} />
          <h2 style="margin-top:0">录入纸质票（两名计票人分别录入同一张票）</h2>
          <div class="grid">
            <div>
              <label for="teller">计票人</label>
              <select id="teller" name="teller">
                <option value="1">计票人一</option>
                <option value="2">计票人二</option>
              </select>
            </div>
            <div>
              <label for="slipNo">票号</label>
              <input id="slipNo" name="slipNo" type="number" min="1" required />
            </div>
            <div>
              <label for="pgroup">投票人</label>
              <select id="pgroup" name="voterGroup">
                {voterGroups.map((g) => (
                  <option value={g}>{voterGroupLabels[g]}</option>
                ))}
              </select>
            </div>
          </div>
          <table>
            <tbody>
              {s.members.map((m) => (
                <tr>
                  <th>{m.name}</th>
                  <td>
                    {grades.map((g) => (
                      <label style="display:inline;font-weight:normal;margin-right:1rem">
                        <input type="radio" name={`g_${m.id}`} value={g} required /> {gradeLabels[g]}
                      </label>
                    ))}
                  </td>
                </tr>
              ))}
              <tr>
                <th>领导班子</th>
                <td>
                  {satisfactions.map((x) => (
                    <label style="display:inline;font-weight:normal;margin-right:1rem">
                      <input type="radio" name="satisfaction" value={x} required /> {satisfactionLabels[x]}
                    </label>
                  ))}
                </td>
              </tr>
            </tbody>
          </table>
          <button type="submit">录入</button>
        </form>
      )}
      {canRun && s.state !== 'closed' && (
        <form method="post" action={`${base}/close`}>
          <Csrf token={csrf} />
          <button type="submit" class="secondary">
            结束评议并计票
          </button>
        </form>
      )}
      {props.results && <Results {...props.results} session={s} csrf={csrf} canRun={canRun} />}
      {props.receipts && (
        <div class="card">
          <h2 style="margin-top:0">计入统计的网上选票回执（可公布）</h2>
          <p class="code">{props.receipts.join('　')}</p>
        </div>
      )}
    </ConsoleLayout>
  );
}

function Results(props: ResultsView & { session: SessionView; csrf: string; canRun: boolean }) {
  const determined = new Map(props.determinations.map((d) => [d.memberId, d]));
  const l = props.tally.leadership;
  return (
    <section>
      <h2>评议结果（仅供参考，以组织评定为准）</h2>
      <p>
        领导班子：满意 {l.combined.satisfied}，基本满意 {l.combined.basicallySatisfied}，不满意{' '}
        {l.combined.dissatisfied}，不了解 {l.combined.unknown}；满意率{' '}
        {l.satisfactionRate === null ? '—' : percent(l.satisfactionRate)}
        {l.remedial ? '，低于规定，需要补课' : ''}。
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
            {grades.map((g) => (
              <th>{gradeLabels[g]}</th>
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
                  {m.name}
                  {member ? <span class="muted">（{memberCategoryLabels[member.category]}）</span> : ''}
                  {m.flagIncompetent && <strong style="color:#a61b1b">　不合格票较多</strong>}
                </td>
                {grades.map((g) => (
                  <td>{m.combined[g]}</td>
                ))}
                <td>{m.excellentRate === null ? '—' : percent(m.excellentRate)}</td>
                <td>{m.qualifiedRate === null ? '—' : percent(m.qualifiedRate)}</td>
                <td>
                  {d ? `${gradeLabels[d.grade]}：${d.reason}` : ''}
                  {props.canRun && (
                    <form
                      method="post"
                      action={`/console/review-sessions/${props.session.id}/determinations/${m.id}`}
                    >
                      <Csrf token={props.csrf} />
                      <select name="grade" aria-label="组织评定">
                        {grades.map((g) => (
                          <option value={g}>{gradeLabels[g]}</option>
                        ))}
                      </select>
                      <input name="reason" placeholder="评定理由" aria-label="评定理由" required />
                      <button type="submit" style="margin:0;padding:.2rem .6rem">
                        评定
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
