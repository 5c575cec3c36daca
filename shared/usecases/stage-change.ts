import { keys } from '../data/keys';
import { writeAudited } from '../data/transact';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { nextStage, stageLabels } from '../domain/campaign';
import type { Unit } from '../domain/org';
import { conflict } from '../errors';

const changedMeanwhile = () => conflict('CHANGED_MEANWHILE', '单位状态已变化，请刷新后重试');

/**
 * A unit asks to move to its next stage (转段).
 * 1. The unit must have a next stage and no request pending.
 * 2. The request is stored on the unit, conditioned on the stage not having moved.
 */
export async function requestStageChange(deps: Deps, who: Principal, unit: Unit, note?: string) {
  const to = nextStage(unit.stage);
  if (!to) throw conflict('LAST_STAGE', `已处于最后阶段（${stageLabels[unit.stage]}）`);
  if (unit.stageRequest) throw conflict('REQUEST_PENDING', '已有待审批的转段申请');
  const request = { to, requestedBy: who.username, requestedAt: deps.now().toISOString(), note };
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(unit.id),
          UpdateExpression: 'SET stageRequest = :r',
          ConditionExpression: 'stage = :s AND attribute_not_exists(stageRequest)',
          ExpressionAttributeValues: { ':r': request, ':s': unit.stage },
        },
      },
    ],
    { actor: who.username, action: 'unit.stage.request', target: `unit:${unit.id}`, detail: { to, note } },
    changedMeanwhile,
  );
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
  const decision = {
    to: request.to,
    approved: approve,
    decidedBy: who.username,
    decidedAt: deps.now().toISOString(),
    comment,
  };
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(unit.id),
          UpdateExpression: `SET lastStageDecision = :d, updatedAt = :now${approve ? ', stage = :to' : ''} REMOVE stageRequest`,
          ConditionExpression: 'stageRequest.#to = :to AND stage = :s',
          ExpressionAttributeNames: { '#to': 'to' },
          ExpressionAttributeValues: {
            ':d': decision,
            ':to': request.to,
            ':s': unit.stage,
            ':now': decision.decidedAt,
          },
        },
      },
    ],
    {
      actor: who.username,
      action: approve ? 'unit.stage.approve' : 'unit.stage.refuse',
      target: `unit:${unit.id}`,
      detail: { to: request.to, comment },
    },
    changedMeanwhile,
  );
  return decision;
}
