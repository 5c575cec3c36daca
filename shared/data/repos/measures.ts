import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { Measure } from '../../domain/rectification';
import { conflict } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

export const measuresOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.measuresOfUnit(unitId), Measure);

export const getMeasure = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.measure(unitId, id), Measure);

/** Every measure of the group's units that is not done yet, earliest deadline first. */
export const openMeasuresOfGroup = (deps: Deps, groupId: string) =>
  queryAll(deps, accessPatterns.openMeasuresOfGroup(groupId), Measure);

/**
 * Writes a measure whole, with its audit record. A new one must not exist; a
 * changed one must still be the version it was read at (its `version` one
 * below), so two people adding progress at once cannot overwrite each other
 * (409, nothing written).
 * While it is not done it is listed under its supervision group by deadline.
 */
export async function putMeasure(
  deps: Deps,
  measure: Measure,
  groupId: string,
  previous: Measure | undefined,
  audit: Omit<AuditEntry, 'id' | 'at'>,
) {
  const listing =
    measure.state === 'done'
      ? {}
      : keys.openMeasureListing(groupId, measure.deadline, measure.unitId, measure.id);
  if (measure.version !== (previous?.version ?? 0) + 1)
    throw new Error('a measure is written one version at a time');
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.measure(measure.unitId, measure.id), ...listing, ...measure },
          ...(previous
            ? {
                ConditionExpression: 'version = :was',
                ExpressionAttributeValues: { ':was': previous.version },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
    ],
    audit,
    () => conflict('MEASURE_CHANGED', '这项整改措施刚被修改过，请刷新后再试'),
  );
}
