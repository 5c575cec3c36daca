import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { Member } from '../../domain/org';
import { notFound } from '../../errors';
import { putAllOrNothing } from '../batch-write';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryAll, queryPage } from '../query';
import { auditItem, type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

export const getMember = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.member(unitId, id), Member);

/** A member as stored. */
export const memberRecord = (member: Member) => ({ ...keys.member(member.unitId, member.id), ...member });

/** The Put of a member item. */
export function putMemberItem(tableName: string, member: Member, isNew: boolean): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: memberRecord(member),
      ConditionExpression: isNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
    },
  };
}

export async function saveMember(deps: Deps, actor: string, member: Member, isNew: boolean) {
  await writeAudited(
    deps,
    [
      putMemberItem(deps.tableName, member, isNew),
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
      action: isNew ? 'member.create' : 'member.update',
      target: `unit:${member.unitId}/member:${member.id}`,
      detail: { name: member.name, category: member.category, probationary: member.probationary },
    },
    () => notFound(),
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
