import { voterGroupLabels, voterGroups } from '../../domain/vote';
import { Csrf } from './layout';

/** Mint single-use codes for a vote (a review session or an evaluation) at `base`/codes; they print as slips. */
export function MintForm(props: { base: string; csrf: string }) {
  return (
    <form method="post" action={`${props.base}/codes`} class="card">
      <Csrf token={props.csrf} />
      <h2 style="margin-top:0">制发选票码</h2>
      <label for="group">投票人</label>
      <select id="group" name="voterGroup">
        {voterGroups.map((g) => (
          <option value={g}>{voterGroupLabels[g]}</option>
        ))}
      </select>
      <label for="count">张数</label>
      <input id="count" name="count" type="number" min="1" max="500" required />
      <label>
        <input type="checkbox" name="confirmExcess" value="yes" /> 确认超出应到人数（如需备用票）
      </label>
      <p class="muted">生成后进入打印页，可刷新、重印，不会再生成。请打印、裁开、打乱后发放。</p>
      <button type="submit">生成并打印</button>
    </form>
  );
}

/** Revoke one unused code, or every unused code of a voter group, at `base`/revoke. */
export function RevokeForm(props: { base: string; csrf: string }) {
  return (
    <form
      method="post"
      action={`${props.base}/revoke`}
      class="card"
      data-confirm="作废后这些选票码不能再用于投票，确定作废吗？（未填单个选票码时，将作废该类别全部未用选票码）"
    >
      <Csrf token={props.csrf} />
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
  );
}
