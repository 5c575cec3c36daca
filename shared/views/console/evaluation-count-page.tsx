import type { Principal } from '../../domain/account';
import { type EvaluationView, evaluationModeLabels, evaluationPhaseLabels } from '../../domain/evaluation';
import type { VoterGroup } from '../../domain/vote';
import type { ReconciliationView } from '../../domain/vote-count';
import { ConfirmCountForm, PaperEntryForm, TellersForm } from './counting-forms';
import { EvaluationResultsTable } from './evaluation-results';
import { chinaTime } from './format';
import { ConsoleLayout, PageLinks } from './layout';
import { ReconciliationTable } from './reconciliation-table';
import { PaperIssuedForm } from './session-forms';
import { EvaluationSlipRows, type SlipMarks } from './slip-grid';

/**
 * One satisfaction evaluation's counting (计票), as a review session's: paper
 * slips handed out while it is open; after it closes, two appointed tellers
 * enter each paper slip apart and the supervision group confirms; then the
 * sealed results.
 */
export function EvaluationCountPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  evaluation: EvaluationView;
  reconciliation: ReconciliationView;
  nextSlip?: number | undefined;
  slipGroup?: VoterGroup | undefined;
  /** The teller's own earlier marks on that slip, when correcting it. */
  slipMarks?: SlipMarks | undefined;
}) {
  const { evaluation: e, reconciliation: r, csrf } = props;
  const role = props.who.scope.role;
  const canRun = role !== 'supervisor';
  const canSupervise = role !== 'leader';
  const me = props.who.username;
  const side = e.teller1 === me ? 1 : e.teller2 === me ? 2 : undefined;
  const counted = e.state === 'counted';
  const counting = e.state === 'closed';
  const base = `/console/evaluations/${e.id}`;
  return (
    <ConsoleLayout
      title={`${e.unitName} 群众满意度测评（${evaluationPhaseLabels[e.state]}）`}
      who={props.who}
      csrf={csrf}
      flash={props.flash}
    >
      <PageLinks
        links={[
          [`/console/units/${e.unitId}/evaluations`, '返回测评列表'],
          [`/console/units/${e.unitId}`, '返回单位'],
        ]}
      />
      <p>
        {evaluationModeLabels[e.mode]}；{chinaTime(e.opensAt)} 至 {chinaTime(e.closedEarlyAt ?? e.closesAt)}。
      </p>
      <h2>计票</h2>
      <ReconciliationTable reconciliation={r} />
      <p>
        计票人：{e.teller1 ?? '未指定'}、{e.teller2 ?? '未指定'}
        {counted && `；${e.countedBy} 于 ${chinaTime(e.countedAt ?? '')} 确认计票结束，结果已封存`}
      </p>
      {canRun && e.mode === 'codes' && (e.state === 'open' || e.state === 'notYetOpen') && (
        <PaperIssuedForm base={base} csrf={csrf} issued={e.paperIssued} />
      )}
      {counting && side && (
        <PaperEntryForm
          vote={e}
          base={base}
          csrf={csrf}
          side={side}
          slipNo={props.nextSlip ?? 1}
          voterGroup={props.slipGroup ?? 'mass'}
          reconciliation={r}
        >
          <EvaluationSlipRows items={e.items} marks={props.slipMarks} />
        </PaperEntryForm>
      )}
      {canSupervise && !counted && e.mode === 'codes' && <TellersForm vote={e} base={base} csrf={csrf} />}
      {canSupervise && counting && !side && (
        <ConfirmCountForm vote={e} base={base} csrf={csrf} reconciliation={r} />
      )}
      {e.results && <EvaluationResultsTable results={e.results} />}
    </ConsoleLayout>
  );
}
