import { getReport } from '../data/repos/reports';
import { putStageDecision, putStageRequest } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { nextStage, type Stage, stageLabels } from '../domain/campaign';
import type { StageDecision, StageRequest, Unit } from '../domain/org';
import { fail } from '../errors';
import { unitFor } from './access';

/**
 * What a stage change needs, checked when it is asked for and again when it is approved:
 * 1. Into 整改提高: the analysis report approved by the supervision group.
 * 2. Out of 整改提高 (活动结束): a counted satisfaction evaluation, the latest
 *    of which did not leave the unit to 补课.
 */
async function checkStageRule(deps: Deps, unit: Unit, to: Stage) {
  if (to === 'rectification' && (await getReport(deps, unit.id))?.state !== 'approved') {
    throw fail('REPORT_NOT_APPROVED', '转入“整改提高”阶段');
  }
  if (to === 'concluded') {
    if (!unit.lastEvaluation) {
      throw fail('EVALUATION_NOT_COUNTED');
    }
    if (unit.lastEvaluation.remedial) {
      throw fail('REMEDIAL_PENDING');
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
  if (!to) throw fail('LAST_STAGE', stageLabels[unit.stage]);
  if (unit.stageRequest) throw fail('REQUEST_PENDING');
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
  if (!request) throw fail('NO_REQUEST');
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
