import type { Deps } from '../../deps';
import { Evaluation, type EvaluationResults } from '../../domain/evaluation';
import { notClosed } from '../../domain/time-window';
import { fail } from '../../errors';
import { withCondition } from '../condition-expression';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

/** The evaluation's own items in the main table; its codes and ballots are in the ballot box. */

const target = (e: Evaluation) => `unit:${e.unitId}/evaluation:${e.id}`;
const counted = () => fail('EVALUATION_COUNTED');
export const evaluationPending = () => fail('EVALUATION_PENDING');

export const getEvaluation = (deps: Deps, id: string) => getItem(deps, keys.evaluation(id), Evaluation);

/** A unit's evaluations, newest first. */
export const evaluationsOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.evaluationsOfUnit(unitId), Evaluation);

export async function createEvaluation(deps: Deps, actor: string, e: Evaluation) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.evaluation(e.id), ...keys.evaluationListing(e.unitId, e.createdAt, e.id), ...e },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        // One uncounted evaluation per unit, held on the unit in the same transaction. Every
        // update of the unit moves updatedAt, so a form save based on an older read fails
        // instead of writing the marker away.
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(e.unitId),
          UpdateExpression: 'SET pendingEvaluation = :id, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(pendingEvaluation)',
          ExpressionAttributeValues: { ':id': e.id, ':now': e.createdAt },
        },
      },
    ],
    {
      actor,
      action: 'evaluation.open',
      target: target(e),
      detail: { mode: e.mode, measures: e.items.length, closesAt: e.closesAt },
    },
    evaluationPending,
  );
}

/** Closes an open evaluation before its end time (audited). */
export async function closeEvaluation(deps: Deps, actor: string, e: Evaluation, at: string) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.evaluation(e.id),
          UpdateExpression: 'SET closedEarlyAt = :at',
          ...withCondition(notClosed(new Date(at)), { values: { ':at': at } }),
        },
      },
    ],
    { actor, action: 'evaluation.close', target: target(e), detail: { at } },
    () => fail('EVALUATION_CLOSED'),
  );
}

/**
 * Seals the results on the evaluation (once) and records them on the unit as
 * its latest evaluation, in one transaction with the audit record.
 */
export async function sealEvaluation(
  deps: Deps,
  e: Evaluation,
  sealed: { at: string; by: string; results: EvaluationResults; sha256: string },
) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.evaluation(e.id),
          UpdateExpression: 'SET countedAt = :at, countedBy = :by, results = :r, resultsSha256 = :sha',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(countedAt)',
          ExpressionAttributeValues: {
            ':at': sealed.at,
            ':by': sealed.by,
            ':r': sealed.results,
            ':sha': sealed.sha256,
          },
        },
      },
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(e.unitId),
          UpdateExpression: 'SET lastEvaluation = :last, updatedAt = :at REMOVE pendingEvaluation',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':at': sealed.at,
            ':last': {
              id: e.id,
              countedAt: sealed.at,
              rate: sealed.results.overall.rate,
              remedial: sealed.results.remedial.flagged,
            },
          },
        },
      },
    ],
    {
      actor: sealed.by,
      action: 'evaluation.count',
      target: target(e),
      detail: {
        ballots: sealed.results.ballots,
        remedial: sealed.results.remedial.reason,
        sha256: sealed.sha256,
      },
    },
    counted,
  );
}
