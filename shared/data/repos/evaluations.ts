import type { Deps } from '../../deps';
import { Evaluation, type EvaluationResults } from '../../domain/evaluation';
import type { PublicationEntry } from '../../domain/publication-log';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { freezeSettings } from './campaigns';
import { getItem } from './get-item';
import { appendEntry, ownOrHead } from './publication-log';
import { countedOnce } from './votes';

/** The evaluation's own items in the main table; its codes and ballots are in the ballot box. */

const target = (e: Evaluation) => `unit:${e.unitId}/evaluation:${e.id}`;
export const evaluationPending = () => fail('EVALUATION_PENDING');

export const getEvaluation = (deps: Deps, id: string) => getItem(deps, keys.evaluation(id), Evaluation);

/** A unit's evaluations, newest first. */
export const evaluationsOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.evaluationsOfUnit(unitId), Evaluation);

export async function createEvaluation(deps: Deps, actor: string, e: Evaluation, frozenAt?: string) {
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
      ...freezeSettings(deps.tableName, { id: e.campaignId, settingsFrozenAt: frozenAt }, e.createdAt),
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

/**
 * Seals the results on the evaluation (once, and only if no teller entry was
 * written since the count read them) and, for an evaluation with codes,
 * records them on the unit as its latest evaluation (the verdict the stages
 * follow), in one transaction with the audit record. A poll (意见征询, by open
 * link) decides nothing: the unit keeps no verdict from it.
 */
export async function sealEvaluation(
  deps: Deps,
  e: Evaluation,
  sealed: { at: string; by: string; results: EvaluationResults; sha256: string },
  entry?: PublicationEntry,
) {
  const once = countedOnce(e.paperEntries);
  const last = {
    id: e.id,
    countedAt: sealed.at,
    rate: sealed.results.overall.rate,
    remedial: sealed.results.remedial.flagged,
  };
  const verdict = e.mode === 'codes';
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.evaluation(e.id),
          UpdateExpression: 'SET countedAt = :at, countedBy = :by, results = :r, resultsSha256 = :sha',
          ConditionExpression: `attribute_exists(pk) AND ${once.ConditionExpression}`,
          ExpressionAttributeValues: {
            ':at': sealed.at,
            ':by': sealed.by,
            ':r': sealed.results,
            ':sha': sealed.sha256,
            ...once.values,
          },
        },
      },
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(e.unitId),
          UpdateExpression: verdict
            ? 'SET lastEvaluation = :last, updatedAt = :at REMOVE pendingEvaluation'
            : 'SET updatedAt = :at REMOVE pendingEvaluation',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': sealed.at, ...(verdict ? { ':last': last } : {}) },
        },
      },
      // The disclosure's rectification section now shows this evaluation: a new entry of the log.
      ...(entry ? appendEntry(deps.tableName, entry) : []),
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
    // Counted meanwhile, or a teller entry written since the count read them: the answer sessions give.
    ownOrHead(2, () => fail('COUNT_CHANGED')),
  );
}
