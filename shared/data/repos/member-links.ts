import * as z from 'zod';
import type { Deps } from '../../deps';
import { MemberLink } from '../../domain/member-link';
import { notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import type { TransactItem } from '../transact';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

/** A member's current link as the unit keeps it: the id to print it again and the hash it is stored under. */
export const LinkSlot = z.object({
  memberId: z.string(),
  linkId: z.string(),
  linkHash: z.string(),
  createdAt: z.string(),
});
export type LinkSlot = z.infer<typeof LinkSlot>;

export const getMemberLink = (deps: Deps, hash: string) => getItem(deps, keys.memberLink(hash), MemberLink);

export const memberLinksOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.memberLinksOfUnit(unitId), LinkSlot);

/** The writes that give one member a new link and retire the one it replaces. */
function issueItems(tableName: string, link: MemberLink, previousHash?: string): TransactItem[] {
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.memberLink(link.linkHash), ...link },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.memberLinkSlot(link.unitId, link.memberId),
          memberId: link.memberId,
          linkId: link.linkId,
          linkHash: link.linkHash,
          createdAt: link.createdAt,
        },
      },
    },
    ...(previousHash ? [{ Delete: { TableName: tableName, Key: keys.memberLink(previousHash) } }] : []),
  ];
}

/**
 * Issues new links (a first link, or a new one that revokes the old) in
 * transactions of up to 30 members, each with its audit record; while each
 * member still exists.
 */
export async function issueMemberLinks(
  deps: Deps,
  actor: string,
  unitId: string,
  links: { link: MemberLink; previousHash?: string | undefined }[],
) {
  for (let i = 0; i < links.length; i += 30) {
    const chunk = links.slice(i, i + 30);
    await writeAudited(
      deps,
      chunk.flatMap(({ link, previousHash }) => [
        ...issueItems(deps.tableName, link, previousHash),
        {
          ConditionCheck: {
            TableName: deps.tableName,
            Key: keys.member(unitId, link.memberId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      ]),
      {
        actor,
        action: 'member.link.issue',
        target: `unit:${unitId}`,
        detail: { linked: chunk.length, reissued: chunk.filter((c) => c.previousHash).length },
      },
      () => notFound('党员不存在'),
    );
  }
}

/** Revokes a member's link: its token opens nothing any more (audited). */
export async function revokeMemberLink(deps: Deps, actor: string, slot: LinkSlot, unitId: string) {
  await writeAudited(
    deps,
    [
      { Delete: { TableName: deps.tableName, Key: keys.memberLink(slot.linkHash) } },
      {
        Delete: {
          TableName: deps.tableName,
          Key: keys.memberLinkSlot(unitId, slot.memberId),
          ConditionExpression: 'linkHash = :h',
          ExpressionAttributeValues: { ':h': slot.linkHash },
        },
      },
    ],
    { actor, action: 'member.link.revoke', target: `unit:${unitId}/member:${slot.memberId}` },
    () => notFound('这个党员没有个人链接'),
  );
}
