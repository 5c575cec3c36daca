import type { Principal } from '../../domain/account';
import type { SessionView } from '../../domain/review';
import type { ResultsView } from '../../domain/review-views';
import type { VoterGroup } from '../../domain/vote';
import type { ReconciliationView } from '../../domain/vote-count';
import { ConfirmCountForm, PaperEntryForm, TellersForm } from './counting-forms';
import { chinaTime } from './format';
import { ConsoleLayout, Csrf } from './layout';
import { ReconciliationTable } from './reconciliation-table';
import { stateLabels } from './review-section';
import { CodeForms } from './session-forms';
import { SessionResults } from './session-results';
import { ReviewSlipRows, type SlipMarks, SlipStates } from './slip-grid';

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
  /** The teller's own earlier marks on that slip, when correcting it. */
  slipMarks?: SlipMarks | undefined;
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
      <ReconciliationTable reconciliation={r} />
      <p>党员到会{r.quorumMet ? '已' : '未'}达到规定比例。</p>
      <SlipStates mismatches={r.paperMismatches} />
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
          <ReviewSlipRows
            session={session}
            voterGroup={props.slipGroup ?? 'member'}
            marks={props.slipMarks}
          />
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
                <code style="white-space:nowrap">{x}</code>{' '}
              </>
            ))}
          </p>
        </div>
      )}
    </ConsoleLayout>
  );
}
