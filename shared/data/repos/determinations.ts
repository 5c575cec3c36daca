import type { Deps } from '../../deps';
import { Determination } from '../../domain/review';
import { conflict } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';
import { reportStillOpen } from './reports';

/** Stores the organisation's determination for a member of a session, with its audit record, while the unit's report is open. */
export async function putDetermination(deps: Deps, unitId: string, sessionId: string, d: Determination) {
  await writeAudited(
    deps,
    [
      { Put: { TableName: deps.tableName, Item: { ...keys.determination(sessionId, d.memberId), ...d } } },
      // Determinations are part of the unit's report: fixed once it is submitted or approved.
      reportStillOpen(deps, unitId),
    ],
    {
      actor: d.decidedBy,
      action: 'review.determine',
      target: `session:${sessionId}/member:${d.memberId}`,
      detail: { grade: d.grade, reason: d.reason },
    },
    () => conflict('REPORT_LOCKED', '分析评议报告已报督导组或已认可，组织评定不能再修改'),
  );
}

export const determinationsOf = (deps: Deps, sessionId: string) =>
  queryAll(deps, accessPatterns.determinationsOfSession(sessionId), Determination);
