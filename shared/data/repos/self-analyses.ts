import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { SelfAnalysis } from '../../domain/self-analysis';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

export const getSelfAnalysis = (deps: Deps, id: string) => getItem(deps, keys.selfAnalysis(id), SelfAnalysis);

export const selfAnalysesOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.selfAnalysesOfUnit(unitId), SelfAnalysis);

/** The Put of a material at its next version: only over the version it was read at (none: a new one). */
function putAt(tableName: string, next: SelfAnalysis) {
  const was = next.version - 1;
  return {
    Put: {
      TableName: tableName,
      // The team's material is read by its id alone; the unit's list is its members'.
      Item: {
        ...keys.selfAnalysis(next.id),
        ...(next.team ? {} : keys.selfAnalysisListing(next.unitId, next.id)),
        ...next,
      },
      ...(was === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :was', ExpressionAttributeValues: { ':was': was } }),
    },
  };
}

/** A member's own save through the personal link (not a console change, so no audit record). */
export async function saveOwnMaterial(deps: Deps, next: SelfAnalysis) {
  try {
    await deps.db.send(new PutCommand(putAt(deps.tableName, next).Put));
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw fail('ANALYSIS_CHANGED');
    throw err;
  }
}

/**
 * A console move of a material (entered, returned, approved), with its audit
 * record and what the move brings along (an approval's measures) in one
 * transaction.
 */
export async function moveMaterial(
  deps: Deps,
  next: SelfAnalysis,
  audit: Omit<AuditEntry, 'id' | 'at' | 'target'>,
  along: TransactItem[] = [],
) {
  await writeAudited(
    deps,
    [putAt(deps.tableName, next), ...along],
    { ...audit, target: `unit:${next.unitId}/analysis:${next.id}` },
    () => fail('ANALYSIS_CHANGED'),
  );
}
