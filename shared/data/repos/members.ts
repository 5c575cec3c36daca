import type { Deps } from '../../deps';
import { Member } from '../../domain/org';
import { notFound } from '../../errors';
import { keys } from '../keys';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

export const getMember = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.member(unitId, id), Member);

/** The Put of a member item. */
export function putMemberItem(tableName: string, member: Member, isNew: boolean): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.member(member.unitId, member.id), ...member },
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
