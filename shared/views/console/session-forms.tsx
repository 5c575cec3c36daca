import type { SessionView } from '../../domain/review';
import { type VoterGroup, voterGroupLabels, voterGroups } from '../../domain/vote';
import { MintForm, RevokeForm } from './code-forms';
import { Csrf } from './layout';

/** An open session's forms: mint codes, revoke unused ones, paper ballots handed out. */
export function CodeForms(props: { session: SessionView; csrf: string }) {
  const { session, csrf } = props;
  const base = `/console/review-sessions/${session.id}`;
  return (
    <div class="grid">
      <MintForm base={base} csrf={csrf} />
      <RevokeForm base={base} csrf={csrf} />
      <PaperIssuedForm base={base} csrf={csrf} issued={session.paperIssued} />
    </div>
  );
}

/** How many paper slips were handed out, per voter group, while the vote is open. */
export function PaperIssuedForm(props: { base: string; csrf: string; issued: Record<VoterGroup, number> }) {
  return (
    <form method="post" action={`${props.base}/paper-issued`} class="card">
      <Csrf token={props.csrf} />
      <h2 style="margin-top:0">纸质票发出张数</h2>
      {voterGroups.map((g) => (
        <div>
          <label for={`pi_${g}`}>{voterGroupLabels[g]}</label>
          <input id={`pi_${g}`} name={g} type="number" min="0" value={String(props.issued[g])} />
        </div>
      ))}
      <button type="submit">保存</button>
    </form>
  );
}
