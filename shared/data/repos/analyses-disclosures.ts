import type { Deps } from '../../deps';
import { AnalysesDisclosure } from '../../domain/analyses-disclosure';
import type { PublicationEntry } from '../../domain/publication-log';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryPage } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';
import { appendEntry, ownOrHead } from './publication-log';

export const getAnalysesDisclosure = (deps: Deps, unitId: string) =>
  getItem(deps, keys.analysesDisclosure(unitId), AnalysesDisclosure);

export async function analysesByToken(deps: Deps, token: string) {
  const found = await queryPage(deps, accessPatterns.analysesDisclosure(token), AnalysesDisclosure, {
    limit: 1,
  });
  return found.items[0];
}

/**
 * Publishes (again) a unit's approved materials: the disclosure replaced
 * only over the one that was read (`previousSeq`, none: a first), its entry
 * appended to the campaign's log, with the audit record, in one transaction.
 */
export async function putAnalysesDisclosure(
  deps: Deps,
  d: AnalysesDisclosure,
  entry: PublicationEntry,
  previousSeq: number | undefined,
  actor: string,
) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...keys.analysesDisclosure(d.content.unitId),
            ...keys.analysesDisclosureListing(d.token),
            ...d,
          },
          ...(previousSeq === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#log.seq = :was',
                ExpressionAttributeNames: { '#log': 'log' },
                ExpressionAttributeValues: { ':was': previousSeq },
              }),
        },
      },
      ...appendEntry(deps.tableName, entry),
    ],
    {
      actor,
      action: 'analysis.publish',
      target: `unit:${d.content.unitId}`,
      detail: { analysesScope: d.content.scope, published: d.content.materials.length, sha256: d.sha256 },
    },
    ownOrHead(1, () => fail('ANALYSIS_CHANGED')),
  );
}
