import type { Deps } from '../../deps';
import type { Principal } from '../../domain/account';
import type { AuditEntry } from '../../domain/audit';
import { type StageDecision, type StageRequest, Unit } from '../../domain/org';
import { fail, notFound } from '../../errors';
import { putAllOrNothing } from '../batch-write';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryAll, queryPage } from '../query';
import { auditItem, type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

export const getUnit = (deps: Deps, id: string) => getItem(deps, keys.unit(id), Unit);

/**
 * A unit as stored, with its listing keys. Its pending review sessions stay
 * a string set (read as a list), so the open and seal transactions can go on
 * adding and deleting them; an empty set is no attribute at all.
 */
export const unitRecord = ({ pendingReviews, ...unit }: Unit) => ({
  ...keys.unit(unit.id),
  ...keys.unitListings(unit.campaignId, unit.groupId, unit.name, unit.id),
  ...unit,
  ...(pendingReviews?.length ? { pendingReviews: new Set(pendingReviews) } : {}),
});

/** The item that reserves a unit's name within its campaign. */
export const unitNameRecord = (unit: Pick<Unit, 'id' | 'campaignId' | 'name'>) => ({
  ...keys.unitName(unit.campaignId, unit.name),
  unitId: unit.id,
});

/** The Put of a unit with its listing keys, plus the item that reserves its name in the campaign. */
export function putUnitItems(tableName: string, unit: Unit, previous?: Unit): TransactItem[] {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: unitRecord(unit),
        ...(previous
          ? {
              ConditionExpression: 'updatedAt = :prev',
              ExpressionAttributeValues: { ':prev': previous.updatedAt },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    {
      ConditionCheck: {
        TableName: tableName,
        Key: keys.group(unit.groupId),
        ConditionExpression: 'campaignId = :c',
        ExpressionAttributeValues: { ':c': unit.campaignId },
      },
    },
  ];
  if (!previous || previous.name !== unit.name) {
    items.push({
      Put: {
        TableName: tableName,
        Item: unitNameRecord(unit),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    if (previous)
      items.push({
        Delete: { TableName: tableName, Key: keys.unitName(previous.campaignId, previous.name) },
      });
  }
  return items;
}

const unitConflict = (i: number) =>
  i === 0
    ? fail('CHANGED_MEANWHILE', '单位信息')
    : i === 1
      ? notFound('督导组不存在')
      : fail('UNIT_NAME_TAKEN');

/** Creates a unit (previous undefined) or replaces it if nobody changed it meanwhile. */
export async function saveUnit(deps: Deps, actor: string, unit: Unit, action: string, previous?: Unit) {
  await writeAudited(
    deps,
    putUnitItems(deps.tableName, unit, previous),
    {
      actor,
      action,
      target: `unit:${unit.id}`,
      detail: { name: unit.name, groupId: unit.groupId, stage: unit.stage },
    },
    unitConflict,
  );
}

/** Writes imported units with their name reservations and the audit record, all or nothing. */
export async function putImportedUnits(deps: Deps, units: Unit[], audit: Omit<AuditEntry, 'id' | 'at'>) {
  await putAllOrNothing(deps, [
    ...units.flatMap((u) => [unitRecord(u), unitNameRecord(u)]),
    auditItem(deps.now().toISOString(), audit),
  ]);
}

/** The units of a campaign, or of one supervision group, by name. */
export const listUnits = (deps: Deps, where: { campaignId: string; groupId?: string }, page: PageRequest) =>
  queryPage(
    deps,
    where.groupId
      ? accessPatterns.unitsOfGroup(where.groupId)
      : accessPatterns.unitsOfCampaign(where.campaignId),
    Unit,
    page,
  );

export const allUnits = (deps: Deps, campaignId: string) =>
  queryAll(deps, accessPatterns.unitsOfCampaign(campaignId), Unit);

const changedMeanwhile = () => fail('CHANGED_MEANWHILE', '单位状态');

/** Stores a stage request on the unit, if its stage has not moved and none is pending. */
export async function putStageRequest(deps: Deps, who: Principal, unit: Unit, request: StageRequest) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(unit.id),
          // updatedAt moves with every update of the unit, so a form save based on an older
          // read fails instead of writing the request away.
          UpdateExpression: 'SET stageRequest = :r, updatedAt = :now',
          ConditionExpression: 'stage = :s AND attribute_not_exists(stageRequest)',
          ExpressionAttributeValues: { ':r': request, ':s': unit.stage, ':now': request.requestedAt },
        },
      },
    ],
    {
      actor: who.username,
      action: 'unit.stage.request',
      target: `unit:${unit.id}`,
      detail: { to: request.to, note: request.note },
    },
    changedMeanwhile,
  );
}

/** Records the decision on the pending request; an approval moves the unit to the requested stage. */
export async function putStageDecision(deps: Deps, who: Principal, unit: Unit, decision: StageDecision) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.unit(unit.id),
          UpdateExpression: `SET lastStageDecision = :d, updatedAt = :now${decision.approved ? ', stage = :to' : ''} REMOVE stageRequest`,
          ConditionExpression: 'stageRequest.#to = :to AND stage = :s',
          ExpressionAttributeNames: { '#to': 'to' },
          ExpressionAttributeValues: {
            ':d': decision,
            ':to': decision.to,
            ':s': unit.stage,
            ':now': decision.decidedAt,
          },
        },
      },
    ],
    {
      actor: who.username,
      action: decision.approved ? 'unit.stage.approve' : 'unit.stage.refuse',
      target: `unit:${unit.id}`,
      detail: { to: decision.to, comment: decision.comment },
    },
    changedMeanwhile,
  );
}

/**
 * For the transaction of a change the overviews show (a count sealed, a
 * report moved): sets what the unit keeps of it, and adds a review session
 * opened to (or deletes one counted from) its pending set. updatedAt moves
 * too, so a form save based on an older read fails instead of writing it away.
 */
export function keptOnUnit(
  tableName: string,
  unitId: string,
  set: Partial<Pick<Unit, 'lastReview' | 'reportStatus'>>,
  at: string,
  pending?: { add: string } | { delete: string },
): TransactItem {
  const entries = Object.entries(set);
  const pendingClause = pending ? ('add' in pending ? ' ADD #pr :pr' : ' DELETE #pr :pr') : '';
  const names = {
    ...Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
    ...(pending ? { '#pr': 'pendingReviews' } : {}),
  };
  return {
    Update: {
      TableName: tableName,
      Key: keys.unit(unitId),
      UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}, `).join('')}updatedAt = :now${pendingClause}`,
      ConditionExpression: 'attribute_exists(pk)',
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: {
        ':now': at,
        ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
        ...(pending ? { ':pr': new Set(['add' in pending ? pending.add : pending.delete]) } : {}),
      },
    },
  };
}

/** Every unit of a supervision group (a handful). */
export const unitsOfGroup = (deps: Deps, groupId: string) =>
  queryAll(deps, accessPatterns.unitsOfGroup(groupId), Unit);
