import type { SessionView } from '../../domain/review';
import { voterGroupLabels, voterGroups } from '../../domain/vote';
import { Csrf } from './layout';

/** An open session's forms: mint codes, revoke unused ones, paper ballots handed out. */
export function CodeForms(props: { session: SessionView; csrf: string }) {
  const { session, csrf } = props;
  const base = `/console/review-sessions/${session.id}`;
  return (
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
            <input id={`pi_${g}`} name={g} type="number" min="0" value={String(session.paperIssued[g])} />
          </div>
        ))}
        <button type="submit">保存</button>
      </form>
    </div>
  );
}
