import { newId } from '../data/ids';
import type { PageRequest } from '../data/query';
import { deleteMember, getMember, listMembers, saveMember } from '../data/repos/members';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { memberChanged } from '../domain/changed-meanwhile';
import type { Member, MemberInput, MemberPatch } from '../domain/org';
import { refuseStale, versionOf } from '../domain/version';
import { notFound } from '../errors';
import { unitFor } from './access';

/** A page of a unit's party members, for those who may read the unit. */
export async function membersOf(deps: Deps, who: Principal, unitId: string, page: PageRequest) {
  const unit = await unitFor(deps, who, 'read', unitId);
  return listMembers(deps, unit.id, page);
}

/** The unit leader or the office adds a party member (audited); it starts at version 1. */
export async function addMember(deps: Deps, who: Principal, unitId: string, input: MemberInput) {
  const unit = await unitFor(deps, who, 'manageMembers', unitId);
  const member: Member = {
    ...input,
    id: newId(),
    unitId: unit.id,
    createdAt: deps.now().toISOString(),
    version: 1,
  };
  await saveMember(deps, who.username, member);
  return member;
}

/**
 * Changes a party member of the unit; a member not of the unit is 404.
 * Made from an older read (`patch.version` not the member's) it is refused
 * with 409 `MEMBER_CHANGED`, saying what the member is now, and changes
 * nothing; the write is conditional on the version read (audited).
 */
export async function changeMember(
  deps: Deps,
  who: Principal,
  unitId: string,
  memberId: string,
  patch: MemberPatch,
): Promise<Member> {
  const unit = await unitFor(deps, who, 'manageMembers', unitId);
  const member = await getMember(deps, unit.id, memberId);
  if (!member) throw notFound();
  const { version: readAt, ...what } = patch;
  refuseStale(member, readAt, memberChanged);
  const updated: Member = { ...member, ...what, version: versionOf(member) + 1 };
  await saveMember(deps, who.username, updated, member);
  return updated;
}

/** Removes a party member of the unit; one that is not there is 404 (audited). */
export async function removeMember(deps: Deps, who: Principal, unitId: string, memberId: string) {
  const unit = await unitFor(deps, who, 'manageMembers', unitId);
  await deleteMember(deps, who.username, unit.id, memberId);
}
