import type { Deps } from '../../deps';
import { Mechanism, Practice } from '../../domain/mechanism';
import { fail, notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

/** Long-term mechanisms and good practice: written once by the unit, practice marked typical by the office. */

export const mechanismsOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.mechanismsOfUnit(unitId), Mechanism);
export const practicesOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.practicesOfUnit(unitId), Practice);
export const practicesOfCampaign = (deps: Deps, campaignId: string) =>
  queryAll(deps, accessPatterns.practicesOfCampaign(campaignId), Practice);
export const getPractice = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.practice(unitId, id), Practice);

const exists = () => fail('EXISTS', '该项');

export async function putMechanism(deps: Deps, m: Mechanism) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.mechanism(m.unitId, m.id), ...m },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    {
      actor: m.createdBy,
      action: 'mechanism.create',
      target: `unit:${m.unitId}/mechanism:${m.id}`,
      detail: { kind: m.kind, title: m.title },
    },
    exists,
  );
}

export async function putPractice(deps: Deps, p: Practice) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...keys.practice(p.unitId, p.id),
            ...keys.practiceListing(p.campaignId, p.submittedAt, p.id),
            ...p,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    {
      actor: p.submittedBy,
      action: 'practice.submit',
      target: `unit:${p.unitId}/practice:${p.id}`,
      detail: { title: p.title },
    },
    exists,
  );
}

/** Marks a practice typical (典型经验), or takes the mark back; audited. */
export async function markPractice(deps: Deps, actor: string, p: Practice, typical: boolean) {
  const at = deps.now().toISOString();
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.practice(p.unitId, p.id),
          UpdateExpression: typical ? 'SET typical = :t' : 'REMOVE typical',
          ConditionExpression: 'attribute_exists(pk)',
          ...(typical ? { ExpressionAttributeValues: { ':t': { markedBy: actor, markedAt: at } } } : {}),
        },
      },
    ],
    {
      actor,
      action: typical ? 'practice.typical.mark' : 'practice.typical.unmark',
      target: `unit:${p.unitId}/practice:${p.id}`,
      detail: { title: p.title },
    },
    () => notFound('经验做法不存在'),
  );
}
