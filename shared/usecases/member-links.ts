import { newId } from '../data/ids';
import { issueMemberLinks, type LinkSlot, memberLinksOf, revokeMemberLink } from '../data/repos/member-links';
import { allMembers, getMember } from '../data/repos/members';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { type MemberLink, memberLinkHash, memberLinkToken } from '../domain/member-link';
import type { Member, Unit } from '../domain/org';
import { notFound } from '../errors';
import { unitFor } from './access';

/** A member with the token of their current personal link (`/m/{token}`), if they have one. */
export interface MemberWithLink {
  member: Member;
  token?: string | undefined;
  issuedAt?: string | undefined;
  /** The stored hash of that link, which a new link retires. */
  linkHash?: string | undefined;
}

const tokenOf = (deps: Deps, slot: LinkSlot) => memberLinkToken(deps.config.CODE_HASH_SECRET, slot.linkId);

/** The unit's members, each with their personal link (derived again from its id, for the slips). */
export async function memberLinks(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'manageMembers', unitId);
  const [members, slots] = await Promise.all([allMembers(deps, unit.id), memberLinksOf(deps, unit.id)]);
  const slotOf = new Map(slots.map((s) => [s.memberId, s]));
  const rows: MemberWithLink[] = members.map((member) => {
    const slot = slotOf.get(member.id);
    return slot
      ? { member, token: tokenOf(deps, slot), issuedAt: slot.createdAt, linkHash: slot.linkHash }
      : { member };
  });
  return { unit, rows };
}

const newLink = (deps: Deps, unit: Unit, memberId: string, at: string): MemberLink => {
  const linkId = newId();
  const token = memberLinkToken(deps.config.CODE_HASH_SECRET, linkId);
  return {
    linkHash: memberLinkHash(deps.config.CODE_HASH_SECRET, token),
    linkId,
    memberId,
    unitId: unit.id,
    campaignId: unit.campaignId,
    groupId: unit.groupId,
    createdAt: at,
  };
};

/**
 * Gives every member of the unit without a link one (the party secretary or
 * the office), or one member a new link that revokes the old (a lost or
 * shared slip). Audited.
 */
export async function issueLinks(deps: Deps, who: Principal, unitId: string, reissue?: string) {
  const { unit, rows } = await memberLinks(deps, who, unitId);
  const at = deps.now().toISOString();
  const wanted = reissue
    ? rows.filter((r) => r.member.id === reissue)
    : rows.filter((r) => r.token === undefined);
  if (reissue && wanted.length === 0) throw notFound('党员不存在');
  await issueMemberLinks(
    deps,
    who.username,
    unit.id,
    wanted.map((r) => ({
      link: newLink(deps, unit, r.member.id, at),
      previousHash: r.linkHash,
    })),
  );
  return { issued: wanted.length };
}

/**
 * Revokes one member's link: it opens nothing any more, until a new one is
 * issued. A member with no link has nothing to revoke (nothing is written).
 */
export async function revokeLink(deps: Deps, who: Principal, unitId: string, memberId: string) {
  const unit = await unitFor(deps, who, 'manageMembers', unitId);
  const [member, slots] = await Promise.all([
    getMember(deps, unit.id, memberId),
    memberLinksOf(deps, unit.id),
  ]);
  if (!member) throw notFound('党员不存在');
  const slot = slots.find((s) => s.memberId === memberId);
  if (slot) await revokeMemberLink(deps, who.username, slot, unit.id);
}
