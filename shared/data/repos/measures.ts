import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import type { Unit } from '../../domain/org';
import type { PublicationEntry } from '../../domain/publication-log';
import { Measure } from '../../domain/rectification';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { stillAt } from '../version-condition';
import { getItem } from './get-item';
import { appendEntry, ownOrHead } from './publication-log';

export const measuresOf = (deps: Deps, unitId: string, opts: { consistent?: boolean } = {}) =>
  queryAll(deps, accessPatterns.measuresOfUnit(unitId), Measure, opts);

export const getMeasure = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.measure(unitId, id), Measure);

/** Every measure of the group's units that is not done yet, earliest deadline first. */
export const openMeasuresOfGroup = (deps: Deps, group: { campaignId: string; id: string }) =>
  queryAll(deps, accessPatterns.openMeasuresOfGroup(group.campaignId, group.id), Measure);

/** Every measure of the campaign's units that is not done yet, by group, then earliest deadline first. */
export const openMeasuresOfCampaign = (deps: Deps, campaignId: string) =>
  queryAll(deps, accessPatterns.openMeasuresOfCampaign(campaignId), Measure);

/**
 * Writes a measure whole, with its audit record. A new one must not exist; a
 * changed one must still be the version it was read at (its `version` one
 * below), so two people adding progress at once cannot overwrite each other
 * (409, nothing written).
 * While it is not done it is listed under its unit's campaign and
 * supervision group by deadline. The disclosure's rectification section it
 * changes (`entry`) joins the publication log in the same transaction.
 */
export async function putMeasure(
  deps: Deps,
  measure: Measure,
  unit: Pick<Unit, 'campaignId' | 'groupId'>,
  previous: Measure | undefined,
  audit: Omit<AuditEntry, 'id' | 'at'>,
  entry?: PublicationEntry,
) {
  const listing =
    measure.state === 'done'
      ? {}
      : keys.openMeasureListing(unit, measure.deadline, measure.unitId, measure.id);
  if (measure.version !== (previous?.version ?? 0) + 1)
    throw new Error('a measure is written one version at a time');
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.measure(measure.unitId, measure.id), ...listing, ...measure },
          ...(previous ? stillAt(previous.version) : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      ...(entry ? appendEntry(deps.tableName, entry) : []),
    ],
    audit,
    ownOrHead(1, () => fail('MEASURE_CHANGED')),
  );
}

/**
 * Deletes a measure still at the version read, with its audit record and the
 * publication log's entry for the rectification section it leaves (409
 * `MEASURE_CHANGED` when it changed meanwhile, nothing written).
 */
export async function removeMeasure(
  deps: Deps,
  measure: Measure,
  audit: Omit<AuditEntry, 'id' | 'at'>,
  entry?: PublicationEntry,
) {
  await writeAudited(
    deps,
    [
      {
        Delete: {
          TableName: deps.tableName,
          Key: keys.measure(measure.unitId, measure.id),
          ...stillAt(measure.version),
        },
      },
      ...(entry ? appendEntry(deps.tableName, entry) : []),
    ],
    audit,
    ownOrHead(1, () => fail('MEASURE_CHANGED')),
  );
}
