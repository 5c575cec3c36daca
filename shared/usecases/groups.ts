import { newId } from '../data/ids';
import type { PageRequest } from '../data/query';
import { listGroups, putGroup } from '../data/repos/groups';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { Group, GroupInput, GroupPatch } from '../domain/org';
import { allow, allows, campaignFor, groupFor } from './access';

/** Every group of a campaign, as the policy sees a request for the list. */
const anyGroup = (who: Principal, campaignId: string) => ({
  kind: 'group' as const,
  campaignId,
  // A supervisor may list only their own group; a leader no group at all.
  groupId: who.scope.role === 'supervisor' ? who.scope.groupId : '*',
});

/** A campaign's supervision groups: the office a page of them, a supervisor their own; a leader none (404). */
export async function groupsFor(deps: Deps, who: Principal, campaignId: string, page: PageRequest) {
  allow(who, 'read', anyGroup(who, campaignId));
  if (who.scope.role === 'supervisor') {
    return { items: [await groupFor(deps, who, 'read', who.scope.groupId)] };
  }
  return listGroups(deps, campaignId, page);
}

/** Whether the caller may see a campaign's group list at all (a leader may not). */
export const seesGroups = (who: Principal, campaignId: string) =>
  allows(who, 'read', anyGroup(who, campaignId));

/** The office adds a supervision group to a campaign (audited). */
export async function createGroup(
  deps: Deps,
  who: Principal,
  campaignId: string,
  input: GroupInput,
): Promise<Group> {
  await campaignFor(deps, who, 'manage', campaignId);
  const group = { ...input, id: newId(), campaignId, createdAt: deps.now().toISOString() };
  await putGroup(deps, who.username, group, true);
  return group;
}

/** One supervision group, for the office and its own supervisors. */
export const readGroup = (deps: Deps, who: Principal, id: string) => groupFor(deps, who, 'read', id);

/** The office renames a group or changes its note (audited). */
export async function changeGroup(deps: Deps, who: Principal, id: string, patch: GroupPatch): Promise<Group> {
  const group = await groupFor(deps, who, 'manage', id);
  const updated = { ...group, ...patch };
  await putGroup(deps, who.username, updated, false);
  return updated;
}
