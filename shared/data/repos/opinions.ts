import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../deps';
import { Opinion, type OpinionFilters, OpinionView } from '../../domain/opinion';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, type QueryFilter, queryAll, queryPage } from '../query';
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
            ...keys.opinion(opinion.roundId, submissionId),
            ...keys.opinionListing(opinion.unitId, opinion.day, submissionId),
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

/** The FilterExpression for the list's filters (all must hold); pure. */
export function opinionFilter(f: OpinionFilters): QueryFilter | undefined {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const add = (attr: string, op: 'eq' | 'contains', value: string | undefined) => {
    if (value === undefined) return;
    const i = parts.length;
    names[`#f${i}`] = attr;
    values[`:f${i}`] = value;
    parts.push(op === 'eq' ? `#f${i} = :f${i}` : `contains(#f${i}, :f${i})`);
  };
  add('roundId', 'eq', f.roundId);
  add('about', 'contains', f.about);
  add('focus', 'contains', f.focus);
  add('problems', 'contains', f.problem);
  add('respondent', 'eq', f.respondent);
  return parts.length ? { expression: parts.join(' AND '), names, values } : undefined;
}

/** One page of a unit's opinions, newest day first, narrowed by the filters. */
export const listOpinions = (deps: Deps, unitId: string, filters: OpinionFilters, page: PageRequest) =>
  queryPage(deps, accessPatterns.opinionsOfUnit(unitId), OpinionView, {
    ...page,
    filter: opinionFilter(filters),
  });

/** Every opinion of a unit, or of one of its rounds (a round of another unit yields nothing). */
export async function allOpinions(deps: Deps, unitId: string, roundId?: string): Promise<Opinion[]> {
  const pattern = roundId ? accessPatterns.opinionsOfRound(roundId) : accessPatterns.opinionsOfUnit(unitId);
  return (await queryAll(deps, pattern, Opinion)).filter((o) => o.unitId === unitId);
}

/** Whether a round has any opinion yet (its form then changes by a new version). */
export async function roundHasOpinions(deps: Deps, roundId: string): Promise<boolean> {
  const page = await queryPage(deps, accessPatterns.opinionsOfRound(roundId), Opinion, { limit: 1 });
  return page.items.length > 0;
}
