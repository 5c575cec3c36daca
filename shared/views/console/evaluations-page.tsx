import { raw } from 'hono/html';
import type { Principal } from '../../domain/account';
import {
  type EvaluationPhase,
  type EvaluationView,
  evaluationModeLabels,
  evaluationModes,
  evaluationPhaseLabels,
} from '../../domain/evaluation';
import type { Unit } from '../../domain/org';
import { MintForm, RevokeForm } from './code-forms';
import { EvaluationResultsTable } from './evaluation-results';
import { chinaTime } from './format';
import { ConsoleLayout, Csrf, PageLinks } from './layout';

/** 群众满意度测评: the unit's evaluations, how the masses reach them, closing, counting and the results. */
export function EvaluationsPage(props: {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  evaluations: (EvaluationView & { qrSvg?: string | undefined })[];
  threshold: number;
  measures: number;
}) {
  const { unit, csrf } = props;
  const role = props.who.scope.role;
  const canRun = role === 'leader' || role === 'office';
  const canCount = role === 'supervisor' || role === 'office';
  const pending = props.evaluations.some((e) => e.state !== 'counted');
  const base = (id: string) => `/console/evaluations/${id}`;
  return (
    <ConsoleLayout title={`${unit.name} 群众满意度测评`} who={props.who} csrf={csrf} flash={props.flash}>
      <PageLinks
        links={[
          [`/console/units/${unit.id}`, '返回单位'],
          [`/console/units/${unit.id}/measures`, '整改措施'],
        ]}
      />
      <p class="muted">
        整改提高阶段后期，请群众对每项整改措施和整改工作总体作出评价（满意 / 基本满意 / 不满意 /
        不了解）。凭选票码测评（可在会上发放纸质测评票，由两名计票人分别录入）结束后由督导组计票；总体满意率低于
        {props.threshold}
        %、群众都不了解，或参加人数不足公布下限的，需要补课并重新测评。公开链接只作意见征询，结果仅供参考，
        不作为是否补课的依据。
      </p>
      {props.evaluations.map((e) => (
        <section class="card">
          <h2 style="margin-top:0">
            {evaluationModeLabels[e.mode]}：{evaluationPhaseLabels[e.state as EvaluationPhase]}
          </h2>
          <p>
            {chinaTime(e.opensAt)} 至 {chinaTime(e.closedEarlyAt ?? e.closesAt)}，测评整改措施{' '}
            {e.items.length} 项{e.countedAt && `；${chinaTime(e.countedAt)} 计票`}
          </p>
          {e.link && e.state !== 'counted' && (
            <div class="grid">
              <div>
                <p>测评链接（可做成二维码张贴，或发到单位群里）：</p>
                <p>
                  <code>{e.link}</code>
                </p>
              </div>
              {e.qrSvg && <div style="max-width:180px">{raw(e.qrSvg)}</div>}
              <p>
                <a href={`${base(e.id)}/poster`}>打印测评海报</a>
              </p>
            </div>
          )}
          {canRun && e.mode === 'codes' && e.state !== 'closed' && e.state !== 'counted' && (
            <div class="grid">
              <MintForm base={base(e.id)} csrf={csrf} />
              <RevokeForm base={base(e.id)} csrf={csrf} />
            </div>
          )}
          {canRun && (e.state === 'open' || e.state === 'notYetOpen') && (
            <form
              method="post"
              action={`${base(e.id)}/close`}
              data-confirm="提前结束后群众不能再参加测评，确定结束吗？"
            >
              <Csrf token={csrf} />
              <button type="submit" class="secondary">
                提前结束测评
              </button>
            </form>
          )}
          {e.mode === 'codes' && (
            <p>
              <a href={base(e.id)}>计票页</a>
              <span class="muted">
                （参评情况；会上发放纸质测评票的，在这里登记张数、指定计票人、录入和确认）
              </span>
            </p>
          )}
          {canCount && e.state === 'closed' && e.paperIssued.member + e.paperIssued.mass === 0 && (
            <form method="post" action={`${base(e.id)}/count`}>
              <Csrf token={csrf} />
              <button type="submit">督导组计票</button>
              <span class="muted">　计票后结果封存，不能更改。</span>
            </form>
          )}
          {e.state === 'closed' && !canCount && <p class="muted">等待督导组计票。</p>}
          {e.results && <EvaluationResultsTable results={e.results} />}
        </section>
      ))}
      {canRun && unit.stage === 'rectification' && !pending && props.measures > 0 && (
        <form method="post" action={`/console/units/${unit.id}/evaluations`} class="card">
          <Csrf token={csrf} />
          <h2 style="margin-top:0">{props.evaluations.length > 0 ? '重新测评' : '开展群众满意度测评'}</h2>
          <label for="mode">测评方式</label>
          <select id="mode" name="mode">
            {evaluationModes.map((m) => (
              <option value={m}>{evaluationModeLabels[m]}</option>
            ))}
          </select>
          <label for="closesOn">截止日期（北京时间当天24时）</label>
          <input id="closesOn" name="closesOn" type="date" required />
          <button type="submit">开始测评</button>
        </form>
      )}
      {canRun && unit.stage !== 'rectification' && (
        <p class="muted">进入“整改提高”阶段后可开展群众满意度测评。</p>
      )}
      {canRun && unit.stage === 'rectification' && props.measures === 0 && (
        <p class="muted">请先制定整改措施，再开展测评。</p>
      )}
    </ConsoleLayout>
  );
}
