import type { Principal } from '../../domain/account';
import { type AnalysisTally, tallySentence } from '../../domain/analysis-tally';
import { nextStage, stageLabels } from '../../domain/campaign';
import {
  type Member,
  memberCategories,
  memberCategoryLabels,
  type Unit,
  unitTypeLabels,
} from '../../domain/org';
import type { ReviewSession } from '../../domain/review';
import { unitSteps } from '../../domain/tasks';
import { chinaTime, percent } from './format';
import { ConsoleLayout, Csrf, PageLinks } from './layout';
import { ReviewSection } from './review-section';
import { RoundsSection, type RoundView } from './rounds-section';
import { StepsList } from './tasks-list';

interface Props {
  who: Principal;
  csrf: string;
  flash: { ok?: string | undefined; error?: string | undefined };
  unit: Unit;
  groupName: string;
  members: Member[];
  rounds: RoundView[];
  sessions: (ReviewSession & { state: 'notYetOpen' | 'open' | 'closed' })[];
  opinions: { total: number | null; k: number };
  analyses: AnalysisTally;
}

/** One unit: its facts, its stage and stage requests (转段), and its party members. */
export function UnitPage(props: Props) {
  const { who, csrf, flash, unit, groupName, members, rounds, sessions, opinions, analyses } = props;
  const role = who.scope.role;
  const canRequest = (role === 'leader' || role === 'office') && !unit.stageRequest && nextStage(unit.stage);
  const canDecide = (role === 'supervisor' || role === 'office') && unit.stageRequest;
  const canManageMembers = role === 'leader' || role === 'office';
  const base = `/console/units/${unit.id}`;
  return (
    <ConsoleLayout title={unit.name} who={who} csrf={csrf} flash={flash}>
      <table>
        <tbody>
          <tr>
            <th>类型</th>
            <td>{unitTypeLabels[unit.type]}</td>
            <th>党组织</th>
            <td>{unit.partyOrganization}</td>
          </tr>
          <tr>
            <th>第一责任人</th>
            <td>{unit.responsibleTitle}</td>
            <th>督导组</th>
            <td>{groupName}</td>
          </tr>
          <tr>
            <th>应到党员</th>
            <td>{unit.membersDue}</td>
            <th>群众代表</th>
            <td>{unit.massRepresentativesDue}</td>
          </tr>
        </tbody>
      </table>

      {unit.reportStatus?.returnComment && (
        <p class="flash error">
          分析评议报告被督导组退回：{unit.reportStatus.returnComment}　<a href={`${base}/report`}>去修改</a>
        </p>
      )}
      <StepsList
        steps={unitSteps({
          unitId: unit.id,
          stage: unit.stage,
          stageRequested: Boolean(unit.stageRequest),
          rounds: rounds.length,
          sessionCounted: Boolean(unit.lastReview) || sessions.some((s) => s.countedAt),
          report: unit.reportStatus?.state ?? null,
          evaluated: Boolean(unit.lastEvaluation),
          remedial: unit.lastEvaluation?.remedial ?? false,
        })}
      />
      <h2 id="stage">活动阶段：{stageLabels[unit.stage]}</h2>
      {(unit.stage === 'rectification' || unit.stage === 'concluded') && (
        <>
          <PageLinks
            links={[
              [`${base}/measures`, '整改措施'],
              [`${base}/evaluations`, '群众满意度测评'],
              [`${base}/mechanisms`, '长效机制与经验做法'],
            ]}
          />
          {unit.lastEvaluation &&
            (unit.lastEvaluation.remedial ? (
              <p>
                <strong class="error">最近一次整改满意度测评未达标，需要补课。</strong>
              </p>
            ) : (
              <p>
                最近一次整改满意度测评：满意率
                {unit.lastEvaluation.rate === null ? '—' : percent(unit.lastEvaluation.rate)}，达到规定。
              </p>
            ))}
        </>
      )}
      {unit.stageRequest && (
        <p>
          已于 {chinaTime(unit.stageRequest.requestedAt)} 申请转入“{stageLabels[unit.stageRequest.to]}”
          {unit.stageRequest.note
            ? `（说明：${unit.stageRequest.note.replace(/[。．.！!；;，,\s]+$/u, '')}）`
            : ''}
          ，等待督导组审批。
        </p>
      )}
      {unit.lastStageDecision && (
        <p class="muted">
          督导组上次意见（{chinaTime(unit.lastStageDecision.decidedAt)}）：
          {unit.lastStageDecision.approved ? '同意' : '不同意'}转入“{stageLabels[unit.lastStageDecision.to]}”
          {unit.lastStageDecision.comment ? `，${unit.lastStageDecision.comment}` : ''}
        </p>
      )}
      {canRequest && (
        <form method="post" action={`${base}/stage-request`} class="card">
          <Csrf token={csrf} />
          <label for="note">
            {unit.stage === 'rectification'
              ? '申请结束“整改提高”阶段'
              : `申请转入“${stageLabels[nextStage(unit.stage) ?? unit.stage]}”`}
            ，情况说明
          </label>
          <textarea id="note" name="note" rows={2} maxlength={500} />
          <button type="submit">提交转段申请</button>
        </form>
      )}
      {canDecide && (
        <form method="post" action={`${base}/stage-decision`} class="card">
          <Csrf token={csrf} />
          <label for="comment">督导组意见</label>
          <textarea id="comment" name="comment" rows={2} maxlength={500} />
          <button type="submit" name="approve" value="true">
            同意转段
          </button>{' '}
          <button type="submit" name="approve" value="false" class="secondary">
            退回
          </button>
        </form>
      )}

      <RoundsSection
        opinions={opinions}
        unitId={unit.id}
        rounds={rounds}
        csrf={csrf}
        canCollect={role === 'leader' || role === 'office'}
      />

      <ReviewSection
        unitId={unit.id}
        sessions={sessions}
        csrf={csrf}
        canRun={role === 'leader' || role === 'office'}
        inAppraisal={unit.stage === 'appraisal'}
      />

      <h2 id="self-analysis">党性分析</h2>
      <p>
        <a href={`/console/units/${unit.id}/self-analyses`}>党员党性分析材料和个人链接</a>
        <span class="muted">
          （{analyses.due > 0 ? tallySentence(analyses) : '党员用个人链接撰写，党组织把关认可或退回修改'}）
        </span>
      </p>

      <h2>党员名单（{members.length}）</h2>
      <table>
        <thead>
          <tr>
            <th>姓名</th>
            <th>类别</th>
            <th>预备党员</th>
            {canManageMembers && <th />}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <td>{m.name}</td>
              <td>{memberCategoryLabels[m.category]}</td>
              <td>{m.probationary ? '是（不参加评定）' : '否'}</td>
              {canManageMembers && (
                <td>
                  <form
                    class="inline"
                    method="post"
                    action={`${base}/members/${m.id}/delete`}
                    data-confirm={`确定从名单中删除 ${m.name} 吗？`}
                  >
                    <Csrf token={csrf} />
                    <button type="submit" class="secondary" style="margin:0;padding:.2rem .6rem">
                      删除
                    </button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canManageMembers && (
        <form method="post" action={`${base}/members`} class="card">
          <Csrf token={csrf} />
          <div class="grid">
            <div>
              <label for="mname">姓名</label>
              <input id="mname" name="name" required maxlength={60} />
            </div>
            <div>
              <label for="mcat">类别</label>
              <select id="mcat" name="category">
                {memberCategories.map((c) => (
                  <option value={c}>{memberCategoryLabels[c]}</option>
                ))}
              </select>
            </div>
            <div>
              <label>
                <input type="checkbox" name="probationary" value="true" /> 预备党员
              </label>
            </div>
          </div>
          <button type="submit">添加党员</button>
        </form>
      )}
      {canManageMembers && (
        <form method="post" action={`${base}/members/import`} enctype="multipart/form-data" class="card">
          <Csrf token={csrf} />
          <h2 style="margin-top:0">从 CSV 导入党员</h2>
          <p class="muted">
            表头：姓名,类别,预备党员。类别填“党员领导干部 / 普通党员 / 生产一线党员 /
            下岗失业和生活困难党员”，预备党员填“是/否”。全部校验通过才导入。
          </p>
          <label for="members-csv">党员名单 CSV 文件</label>
          <input id="members-csv" type="file" name="file" accept=".csv,text/csv" required />
          <button type="submit">导入</button>
        </form>
      )}
    </ConsoleLayout>
  );
}
