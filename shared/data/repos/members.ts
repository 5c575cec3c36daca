import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { memberChanged } from '../../domain/changed-meanwhile';
import { Member } from '../../domain/org';
import { versionOf } from '../../domain/version';
import { notFound } from '../../errors';
import { putAllOrNothing } from '../batch-write';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryAll, queryPage } from '../query';
import { auditItem, type TransactItem, writeAudited } from '../transact';
import { stillAt } from '../version-condition';
import { getItem } from './get-item';

export const getMember = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.member(unitId, id), Member);

/** A member as stored. */
export const memberRecord = (member: Member) => ({ ...keys.member(member.unitId, member.id), ...member });

/**
 * The Put of a member item: a new one must not exist; a changed one must
 * still be at the version it was read at (`previous`).
 */
export function putMemberItem(tableName: string, member: Member, previous?: Member): TransactItem {
  const condition = previous
    ? stillAt(versionOf(previous))
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  return { Put: { TableName: tableName, Item: memberRecord(member), ...condition } };
}

/**
 * Stores a new member (`previous` undefined) or a changed one if nobody
 * changed it since `previous` was read (409 `MEMBER_CHANGED` otherwise),
 * while its unit exists, with the audit record.
 */
export async function saveMember(deps: Deps, actor: string, member: Member, previous?: Member) {
  await writeAudited(
    deps,
    [
      putMemberItem(deps.tableName, member, previous),
      {
        ConditionCheck: {
          TableName: deps.tableName,
          Key: keys.unit(member.unitId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ],
    {
      actor,
      action: previous ? 'member.update' : 'member.create',
      target: `unit:${member.unitId}/member:${member.id}`,
      detail: { name: member.name, category: member.category, probationary: member.probationary },
    },
    (i) => (i === 0 && previous ? memberChanged() : notFound()),
  );
}

export async function deleteMember(deps: Deps, actor: string, unitId: string, id: string) {
  await writeAudited(
    deps,
    [
      {
        Delete: {
          TableName: deps.tableName,
          Key: keys.member(unitId, id),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ],
    { actor, action: 'member.delete', target: `unit:${unitId}/member:${id}` },
    () => notFound(),
  );
}

/** A unit's party members. */
export const listMembers = (deps: Deps, unitId: string, page: PageRequest) =>
  queryPage(deps, accessPatterns.membersOfUnit(unitId), Member, page);

export const allMembers = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.membersOfUnit(unitId), Member);

/** Writes imported members and the audit record, all or nothing. */
export async function putImportedMembers(
  deps: Deps,
  members: Member[],
  audit: Omit<AuditEntry, 'id' | 'at'>,
) {
  await putAllOrNothing(deps, [...members.map(memberRecord), auditItem(deps.now().toISOString(), audit)]);
}
