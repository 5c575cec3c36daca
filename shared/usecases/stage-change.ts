import { getReport } from '../data/repos/reports';
import { putStageDecision, putStageRequest } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { nextStage, type Stage, stageLabels } from '../domain/campaign';
import type { StageDecision, StageRequest, Unit } from '../domain/org';
import { conflict } from '../errors';
import { unitFor } from './access';

/**
 * What a stage change needs, checked when it is asked for and again when it is approved:
 * 1. Into 整改提高: the analysis report approved by the supervision group.
 * 2. Out of 整改提高 (活动结束): a counted satisfaction evaluation, the latest
 *    of which did not leave the unit to 补课.
 */
async function checkStageRule(deps: Deps, unit: Unit, to: Stage) {
  if (to === 'rectification' && (await getReport(deps, unit.id))?.state !== 'approved') {
    throw conflict('REPORT_NOT_APPROVED', '分析评议报告经督导组认可后，才能转入“整改提高”阶段');
  }
  if (to === 'concluded') {
    if (!unit.lastEvaluation) {
      throw conflict('EVALUATION_NOT_COUNTED', '群众满意度测评计票后，才能结束“整改提高”阶段');
    }
    if (unit.lastEvaluation.remedial) {
      throw conflict('REMEDIAL_PENDING', '最近一次群众满意度测评未达标，须补课后重新测评');
    }
  }
}

/**
 * A unit asks to move to its next stage (转段).
 * 0. The caller may request for the unit (its leader, the office).
 * 1. The unit must have a next stage, no request pending, and meet the stage's rule.
 * 2. The request is stored on the unit, conditioned on the stage not having moved.
 */
export async function requestStageChange(deps: Deps, who: Principal, unitId: string, note?: string) {
  const unit = await unitFor(deps, who, 'requestStage', unitId);
  const to = nextStage(unit.stage);
  if (!to) throw conflict('LAST_STAGE', `已处于最后阶段（${stageLabels[unit.stage]}）`);
  if (unit.stageRequest) throw conflict('REQUEST_PENDING', '已有待审批的转段申请');
  await checkStageRule(deps, unit, to);
  const request: StageRequest = {
    to,
    requestedBy: who.username,
    requestedAt: deps.now().toISOString(),
    note,
  };
  await putStageRequest(deps, who, unit, request);
  return request;
}

/**
 * The supervision group approves or refuses a pending stage request.
 * 0. The caller may decide for the unit (its supervision group, the office).
 * 1. A request must be pending; an approval checks the stage's rule again.
 * 2. Approval moves the unit to the requested stage; refusal keeps it. Either
 *    way the request is cleared and the decision kept with its comment.
 */
export async function decideStageChange(
  deps: Deps,
  who: Principal,
  unitId: string,
  approve: boolean,
  comment?: string,
) {
  const unit = await unitFor(deps, who, 'decideStage', unitId);
  const request = unit.stageRequest;
  if (!request) throw conflict('NO_REQUEST', '没有待审批的转段申请');
  if (approve) await checkStageRule(deps, unit, request.to);
  const decision: StageDecision = {
    to: request.to,
    approved: approve,
    decidedBy: who.username,
    decidedAt: deps.now().toISOString(),
    comment,
  };
  await putStageDecision(deps, who, unit, decision);
  return decision;
}
