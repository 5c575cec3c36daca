import { putStageDecision, putStageRequest } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { nextStage, stageLabels } from '../domain/campaign';
import type { StageDecision, StageRequest, Unit } from '../domain/org';
import { conflict } from '../errors';

/**
 * A unit asks to move to its next stage (转段).
 * 1. The unit must have a next stage and no request pending.
 * 2. The request is stored on the unit, conditioned on the stage not having moved.
 */
export async function requestStageChange(deps: Deps, who: Principal, unit: Unit, note?: string) {
  const to = nextStage(unit.stage);
  if (!to) throw conflict('LAST_STAGE', `已处于最后阶段（${stageLabels[unit.stage]}）`);
  if (unit.stageRequest) throw conflict('REQUEST_PENDING', '已有待审批的转段申请');
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
 * 1. A request must be pending.
 * 2. Approval moves the unit to the requested stage; refusal keeps it. Either
 *    way the request is cleared and the decision kept with its comment.
 */
export async function decideStageChange(
  deps: Deps,
  who: Principal,
  unit: Unit,
  approve: boolean,
  comment?: string,
) {
  const request = unit.stageRequest;
  if (!request) throw conflict('NO_REQUEST', '没有待审批的转段申请');
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
