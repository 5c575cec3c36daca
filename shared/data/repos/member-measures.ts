import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { MemberMeasure } from '../../domain/member-measure';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { stillAt } from '../version-condition';
import { getItem } from './get-item';

export const memberMeasuresOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.memberMeasuresOfUnit(unitId), MemberMeasure);

export const getMemberMeasure = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.memberMeasure(unitId, id), MemberMeasure);

/** The Put of a member measure at its next version: new (none stored), or over the version it was read at. */
export function memberMeasurePut(tableName: string, next: MemberMeasure): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.memberMeasure(next.unitId, next.id), ...next },
      ...(next.version === 1
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : stillAt(next.version - 1)),
    },
  };
}

/** Records a member measure's progress with its audit record (409 `MEASURE_CHANGED` if it moved meanwhile). */
export const putMemberMeasure = (deps: Deps, next: MemberMeasure, audit: Omit<AuditEntry, 'id' | 'at'>) =>
  writeAudited(deps, [memberMeasurePut(deps.tableName, next)], audit, () => fail('MEASURE_CHANGED'));
