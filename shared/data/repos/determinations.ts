import type { Deps } from '../../deps';
import { determinationChanged } from '../../domain/changed-meanwhile';
import { Determination } from '../../domain/review';
import { versionOf } from '../../domain/version';
import { fail } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { stillAt } from '../version-condition';
import { getItem } from './get-item';
import { reportStillOpen } from './reports';

export const getDetermination = (deps: Deps, sessionId: string, memberId: string) =>
  getItem(deps, keys.determination(sessionId, memberId), Determination);

/**
 * Stores the organisation's determinations for members of a session (one or
 * the whole list saved together), with one audit record, while the unit's
 * report is open. A first one must not exist yet; a later one (`previous`
 * read) must still be at the version read (409 `DETERMINATION_CHANGED`,
 * nothing written).
 */
export async function putDeterminations(
  deps: Deps,
  unitId: string,
  sessionId: string,
  changes: { d: Determination; previous: Determination | undefined }[],
  actor: string,
) {
  if (changes.length === 0 || changes.length > 98) throw new Error('1 to 98 determinations at a time');
  await writeAudited(
    deps,
    [
      ...changes.map(({ d, previous }) => ({
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.determination(sessionId, d.memberId), ...d },
          ...(previous ? stillAt(versionOf(previous)) : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      })),
      // Determinations are part of the unit's report: fixed once it is submitted or approved.
      reportStillOpen(deps, unitId),
    ],
    {
      actor,
      action: 'review.determine',
      target:
        changes.length === 1
          ? `session:${sessionId}/member:${changes[0]?.d.memberId}`
          : `session:${sessionId}`,
      detail:
        changes.length === 1
          ? { grade: changes[0]?.d.grade, reason: changes[0]?.d.reason }
          : { members: changes.length, grades: changes.map(({ d }) => d.grade) },
    },
    (i) => (i < changes.length ? determinationChanged() : fail('REPORT_LOCKED', '组织评定')),
  );
}

export const determinationsOf = (deps: Deps, sessionId: string) =>
  queryAll(deps, accessPatterns.determinationsOfSession(sessionId), Determination);
