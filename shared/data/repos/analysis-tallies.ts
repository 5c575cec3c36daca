import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type TallyChange, type TallySet, tallySets } from '../../domain/analysis-tally';
import { keys } from '../keys';
import type { ReadDeps } from '../query';

/** One UpdateItem that ADDs (or DELETEs) ids to (from) each named set of the unit's live-figures item. */
function setUpdate(
  deps: ReadDeps,
  unitId: string,
  verb: 'ADD' | 'DELETE',
  ids: Partial<Record<TallySet, string[]>>,
) {
  const sets = Object.entries(ids).filter(([, v]) => v && v.length > 0) as [TallySet, string[]][];
  if (sets.length === 0) return undefined;
  return new UpdateCommand({
    TableName: deps.tableName,
    Key: keys.opinionAggregate(unitId, 'ALL'),
    UpdateExpression: `SET unitId = :unit ${verb} ${sets.map((_, i) => `#s${i} :s${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(sets.map(([set], i) => [`#s${i}`, tallySets[set]])),
    ExpressionAttributeValues: {
      ':unit': unitId,
      ...Object.fromEntries(sets.map(([, v], i) => [`:s${i}`, new Set(v)])),
    },
  });
}

/**
 * Applies one unit's 党性分析 set changes: at most two UpdateItems (the
 * additions, then the deletions; an id is never in both). Adding an id
 * already there or deleting one already gone changes nothing, so a
 * redelivered batch is harmless.
 */
export async function applyTally(deps: ReadDeps, change: TallyChange): Promise<void> {
  for (const command of [
    setUpdate(deps, change.unitId, 'ADD', change.add),
    setUpdate(deps, change.unitId, 'DELETE', change.remove),
  ]) {
    if (command) await deps.db.send(command);
  }
}
