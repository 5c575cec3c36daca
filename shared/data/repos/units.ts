import type { Deps } from '../../deps';
import { Unit } from '../../domain/org';
import { conflict, notFound } from '../../errors';
import { keys } from '../keys';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

export const getUnit = (deps: Deps, id: string) => getItem(deps, keys.unit(id), Unit);

/** The Put of a unit with its listing keys, plus the item that reserves its name in the campaign. */
export function putUnitItems(tableName: string, unit: Unit, previous?: Unit): TransactItem[] {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.unit(unit.id),
          ...keys.unitListings(unit.campaignId, unit.groupId, unit.name, unit.id),
          ...unit,
        },
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
        Item: { ...keys.unitName(unit.campaignId, unit.name), unitId: unit.id },
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
    ? conflict('CHANGED_MEANWHILE', '单位信息已被他人修改，请刷新后重试')
    : i === 1
      ? notFound('督导组不存在')
      : conflict('UNIT_NAME_TAKEN', '本活动中已有同名单位');

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
