import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { Opinion, type ReferencedOpinion } from '../../domain/opinion';
import { accessPatterns, keys } from '../keys';
import { queryAll, queryPage } from '../query';
import { retryConflicts } from '../retry-conflicts';
import { getItem } from './get-item';

/** What became of an opinion put: stored, or refused because its submission id exists. */
export type PutOpinionResult = 'stored' | 'idTaken';

/**
 * Puts a new opinion under its submission id: one conditional PutItem that
 * touches no other item (no round, no counter), so concurrent opinions never
 * conflict. Whether the round takes opinions is the caller's check.
 */
export async function putOpinion(
  deps: Deps,
  submissionId: string,
  opinion: Opinion,
): Promise<PutOpinionResult> {
  try {
    await retryConflicts(() =>
      deps.db.send(
        new PutCommand({
          TableName: deps.tableName,
          Item: {
            // No index keys: an opinion up to 1 KB costs one write unit.
            ...keys.opinion(opinion.roundId, submissionId),
            ...opinion,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return 'stored';
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return 'idTaken';
    throw err;
  }
}

export const getOpinion = (deps: Deps, roundId: string, submissionId: string) =>
  getItem(deps, keys.opinion(roundId, submissionId), Opinion);

/**
 * Every opinion of a unit, or of one of its rounds (a round of another unit
 * yields nothing). Opinions sit under their round, so a unit's are read round
 * by round; a unit has a handful of rounds.
 */
export async function allOpinions(
  deps: Deps,
  unitId: string,
  roundId?: string,
): Promise<ReferencedOpinion[]> {
  const roundIds = roundId
    ? [roundId]
    : (await queryAll(deps, accessPatterns.roundsOfUnit(unitId), RoundId)).map((r) => r.id);
  const perRound = await Promise.all(
    roundIds.map((id) => queryAll(deps, accessPatterns.opinionsOfRound(id), Stored)),
  );
  return perRound
    .flat()
    .filter((o) => o.unitId === unitId)
    .map(({ sk, ...o }) => ({ ...o, ref: sk.slice('OPINION#'.length) }));
}
const Stored = Opinion.extend({ sk: z.string() });
const RoundId = z.object({ id: z.string() });

/** Whether a round has any opinion yet (its form then changes by a new version). */
export async function roundHasOpinions(deps: Deps, roundId: string): Promise<boolean> {
  const page = await queryPage(deps, accessPatterns.opinionsOfRound(roundId), Opinion, { limit: 1 });
  return page.items.length > 0;
}
