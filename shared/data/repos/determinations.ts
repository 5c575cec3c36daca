import type { Deps } from '../../deps';
import { Determination } from '../../domain/review';
import { notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import { writeAudited } from '../transact';

/** Stores the organisation's determination for a member of a session, with its audit record. */
export async function putDetermination(deps: Deps, sessionId: string, d: Determination) {
  await writeAudited(
    deps,
    [{ Put: { TableName: deps.tableName, Item: { ...keys.determination(sessionId, d.memberId), ...d } } }],
    {
      actor: d.decidedBy,
      action: 'review.determine',
      target: `session:${sessionId}/member:${d.memberId}`,
      detail: { grade: d.grade, reason: d.reason },
    },
    () => notFound(),
  );
}

export const determinationsOf = (deps: Deps, sessionId: string) =>
  queryAll(deps, accessPatterns.determinationsOfSession(sessionId), Determination);
