import type { Principal } from '../../domain/account';
import type { SessionView } from '../../domain/review';
import type { ResultsView } from '../../domain/review-views';
import { type VoterGroup, voterGroupLabels, voterGroups } from '../../domain/vote';
import type { ReconciliationView } from '../../domain/vote-count';
import { ConfirmCountForm, PaperEntryForm, ReviewSlipRows, TellersForm } from './counting-forms';
import { chinaTime, percent } from './format';
import { ConsoleLayout, Csrf } from './layout';
import { stateLabels } from './review-section';
import { CodeForms } from './session-forms';
import { SessionResults } from './session-results';

type Flash = { ok?: string | undefined; error?: string | undefined };

/**
 * One review session: live reconciliation, codes while casting is open;
 * after it closes, the counting step (tellers enter paper slips, the
 * supervision group confirms); once confirmed, the sealed results.
 */
export function SessionPage(props: {
  who: Principal;
  csrf: string;
  flash: Flash;
  session: SessionView;
  reconciliation: ReconciliationView;
  results?: ResultsView | undefined;
  receipts?: string[] | undefined;
  /** The campaign's 满意率 threshold, as a share. */
  threshold?: number | undefined;
  /** The paper slip the teller's form offers next, and its voter group. */
  nextSlip?: number | undefined;
  slipGroup?: VoterGroup | undefined;
}) {
  const { session, reconciliation: r, csrf } = props;
  const canRun = props.who.scope.role !== 'supervisor';
  const canSupervise = props.who.scope.role !== 'leader';
  const me = props.who.username;
  const side = session.teller1 === me ? 1 : session.teller2 === me ? 2 : undefined;
  const counted = Boolean(session.countedAt);
  const counting = session.state === 'closed' && !counted;
  const base = `/console/review-sessions/${session.id}`;
  return (
    <ConsoleLayout
      title={`${session.unitName} 民主评议（${counted ? '计票结束' : counting ? '计票中' : stateLabels[session.state]}）`}
      who={props.who}
      csrf={csrf}
      flash={props.flash}
    >
      <p>
        {chinaTime(session.opensAt)} 至 {chinaTime(session.closedEarlyAt ?? session.closesAt)}。
        <a href={`/console/units/${session.unitId}`}>返回单位</a>
      </p>
      <h2>计票</h2>
      {r.void && <p class="flash error">收回票数多于发出票数，本次评议无效。</p>}
      {voterGroups
        .filter((g) => r.groups[g].overIssued > 0)
        .map((g) => (
          <p class="flash error">
            {voterGroupLabels[g]}发出选票（含纸质票）比应到人数多 {r.groups[g].overIssued}{' '}
            张，请核实多出的选票是否已收回或作废。
          </p>
        ))}
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
      <p>
        计票人：{session.teller1 ?? '未指定'}、{session.teller2 ?? '未指定'}
        {counted &&
          `；${session.countedBy} 于 ${chinaTime(session.countedAt ?? '')} 确认计票结束，结果已封存`}
      </p>
      {canRun && session.state !== 'closed' && <CodeForms session={session} csrf={csrf} />}
      {counting && side && (
        <PaperEntryForm
          vote={session}
          base={base}
          csrf={csrf}
          side={side}
          slipNo={props.nextSlip ?? 1}
          voterGroup={props.slipGroup ?? 'member'}
          reconciliation={r}
        >
          <ReviewSlipRows session={session} />
        </PaperEntryForm>
      )}
      {canSupervise && !counted && <TellersForm vote={session} base={base} csrf={csrf} />}
      {canSupervise && counting && !side && (
        <ConfirmCountForm vote={session} base={base} csrf={csrf} reconciliation={r} />
      )}
      {canRun && session.state !== 'closed' && (
        <form
          method="post"
          action={`${base}/close`}
          data-confirm="结束后不能再投票，未用的选票码全部失效，确定结束吗？"
        >
          <Csrf token={csrf} />
          <button type="submit" class="secondary">
            结束评议并计票
          </button>
        </form>
      )}
      {props.results && (
        <SessionResults
          {...props.results}
          session={session}
          csrf={csrf}
          canRun={canRun}
          threshold={props.threshold}
        />
      )}
      {props.receipts && (
        <div class="card">
          <h2 style="margin-top:0">计入统计的网上选票回执（可公布）</h2>
          <p class="code">
            {props.receipts.map((x) => (
              <>
                <span style="white-space:nowrap">{x}</span>{' '}
              </>
            ))}
          </p>
        </div>
      )}
    </ConsoleLayout>
  );
}
