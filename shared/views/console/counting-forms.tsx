import type { Child } from 'hono/jsx';
import { type VoterGroup, voterGroupLabels, voterGroups } from '../../domain/vote';
import { type ReconciliationView, slipStateLabels } from '../../domain/vote-count';
import { Csrf } from './layout';

/** The vote a counting form acts on, and its console address (`/console/review-sessions/{id}`, `/console/evaluations/{id}`). */
type Counted = { vote: { teller1?: string | undefined; teller2?: string | undefined }; base: string };

/** The supervision group (or the office) names the two tellers, until the count is confirmed. */
export function TellersForm(props: Counted & { csrf: string }) {
  const { vote: session, csrf } = props;
  return (
    <form method="post" action={`${props.base}/tellers`} class="card">
      <Csrf token={csrf} />
      <h2 style="margin-top:0">指定计票人</h2>
      <p class="muted">两名计票人须为本督导组或活动领导小组办公室的两个不同账号，不能是被评议单位的账号。</p>
      <div class="grid">
        <div>
          <label for="teller1">第一计票人（用户名）</label>
          <input id="teller1" name="teller1" value={session.teller1 ?? ''} required />
        </div>
        <div>
          <label for="teller2">第二计票人（用户名）</label>
          <input id="teller2" name="teller2" value={session.teller2 ?? ''} required />
        </div>
      </div>
      <button type="submit">保存</button>
    </form>
  );
}

/** The supervision group confirms the count (计票结束), naming the slips still unresolved. */
export function ConfirmCountForm(props: Counted & { csrf: string; reconciliation: ReconciliationView }) {
  const { csrf } = props;
  const open = props.reconciliation.paperMismatches.map((m) => m.slipNo);
  return (
    <form method="post" action={`${props.base}/count/confirm`} class="card">
      <Csrf token={csrf} />
      <input type="hidden" name="unresolvedSlips" value={open.join(',')} />
      <h2 style="margin-top:0">确认计票结束</h2>
      {open.length > 0 ? (
        <p class="flash error">以下纸质票两名计票人仍未录入一致，确认后不计入结果：第{open.join('、')}号。</p>
      ) : (
        <p>纸质票已全部核对一致。</p>
      )}
      <label style="font-weight:normal">
        <input type="checkbox" name="checked" value="yes" required /> 我已核对参评情况
        {open.length > 0 ? '和以上未解决的选票' : ''}
      </label>
      <p class="muted">确认后结果即封存，选票、纸质票和选票码都不能再改动。</p>
      <button type="submit">确认计票结束并封存结果</button>
    </form>
  );
}

/** The paper-slip entry form of one appointed teller; the other teller enters the same slips apart. */
export function PaperEntryForm(
  props: Counted & {
    csrf: string;
    side: 1 | 2;
    slipNo: number;
    voterGroup: VoterGroup;
    reconciliation: ReconciliationView;
    /** The slip's own rows: a review's grades and satisfaction, an evaluation's answers. */
    children: Child;
  },
) {
  const { csrf } = props;
  const r = props.reconciliation;
  const current = r.paperMismatches.find((m) => m.slipNo === props.slipNo);
  return (
    <form method="post" action={`${props.base}/paper`} class="card">
      <Csrf token={csrf} />
      <input type="hidden" name="teller" value={String(props.side)} />
      <style>{`.slip-grid{width:auto;margin:.5rem 0}.slip-grid th,.slip-grid td{padding:.15rem .6rem;text-align:center}
.slip-grid th[scope=row]{text-align:left;min-width:6rem}.slip-grid .cell{display:block;margin:0;padding:.2rem;cursor:pointer}
.slip-grid tbody tr:nth-child(even){background:#faf7f2}.slip-grid tr:focus-within{outline:2px solid #a61b1b}`}</style>
      <h2 style="margin-top:0">录入纸质票（您是第{props.side}计票人）</h2>
      <p class="muted">另一名计票人独立录入同一批选票，两份一致才计入；录错了再录一次同一票号即可更正。</p>
      {/* Where the slips stand, without showing the other teller's marks. */}
      <p id="slip-status">
        两人一致、已计入 {r.groups.member.ballots.paper + r.groups.mass.ballots.paper} 张（党员{' '}
        {r.groups.member.ballots.paper}，群众代表 {r.groups.mass.ballots.paper}）
        {r.paperMismatches.length > 0 ? '；尚未计入（点票号打开，带出您录过的）：' : '；没有尚未计入的票'}
        {r.paperMismatches.map((m, i) => (
          <>
            {i > 0 && '、'}
            <a href={`?slip=${m.slipNo}`}>第{m.slipNo}号</a>（{slipStateLabels[m.problem]}）
          </>
        ))}
        。
      </p>
      {current?.problem === 'different' && (
        <p class="flash error">第{current.slipNo}号票两人录入不一致，请对照纸质票重新录入这一张。</p>
      )}
      {current?.problem === 'onlyOneTeller' && (
        <p class="flash">
          第{current.slipNo}号票{slipStateLabels.onlyOneTeller}录入；您还没录入过的，照常录入即可。
        </p>
      )}
      <div class="grid">
        <div>
          <label for="slipNo">票号</label>
          <input
            id="slipNo"
            name="slipNo"
            type="number"
            min="1"
            required
            value={String(props.slipNo)}
            autofocus
          />
        </div>
        <div>
          {/* The slip's voter group decides which marks it can carry: chosen first, as a link. */}
          <p style="margin:0">
            投票人：<strong>{voterGroupLabels[props.voterGroup]}</strong>的票
          </p>
          <input type="hidden" name="voterGroup" value={props.voterGroup} />
          <p class="muted" style="margin:0">
            {voterGroups
              .filter((g) => g !== props.voterGroup)
              .map((g) => (
                <a href={`?${new URLSearchParams({ slip: String(props.slipNo), group: g })}`}>
                  改录{voterGroupLabels[g]}的票
                </a>
              ))}
          </p>
        </div>
      </div>
      {props.children}
      <button type="submit">录入</button>
    </form>
  );
}
