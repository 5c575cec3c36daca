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
 * Stores the organisation's determination for a member of a session, with
 * its audit record, while the unit's report is open. The first one must not
 * exist yet; a later one (`previous` read) must still be at the version read
 * (409 `DETERMINATION_CHANGED`, nothing written).
 */
export async function putDetermination(
  deps: Deps,
  unitId: string,
  sessionId: string,
  d: Determination,
  previous: Determination | undefined,
) {
  const condition = previous
    ? stillAt(versionOf(previous))
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.determination(sessionId, d.memberId), ...d },
          ...condition,
        },
      },
      // Determinations are part of the unit's report: fixed once it is submitted or approved.
      reportStillOpen(deps, unitId),
    ],
    {
      actor: d.decidedBy,
      action: 'review.determine',
      target: `session:${sessionId}/member:${d.memberId}`,
      detail: { grade: d.grade, reason: d.reason },
    },
    (i) => (i === 0 ? determinationChanged() : fail('REPORT_LOCKED', '组织评定')),
  );
}

export const determinationsOf = (deps: Deps, sessionId: string) =>
  queryAll(deps, accessPatterns.determinationsOfSession(sessionId), Determination);
