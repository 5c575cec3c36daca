import type { Resource } from '../../auth/policy';
import { getCampaign } from '../../data/repos/campaigns';
import { getGroup } from '../../data/repos/groups';
import { getUnit } from '../../data/repos/units';
import type { Deps } from '../../deps';
import type { Group, Unit } from '../../domain/org';
import { notFound } from '../../errors';

/** Loaders that answer 404 for a missing resource, and the policy resource of what they load. */
export async function loadCampaign(deps: Deps, id: string) {
  const campaign = await getCampaign(deps, id);
  if (!campaign) throw notFound('活动不存在');
  return campaign;
}

export async function loadGroup(deps: Deps, id: string) {
  const group = await getGroup(deps, id);
  if (!group) throw notFound();
  return group;
}

export async function loadUnit(deps: Deps, id: string) {
  const unit = await getUnit(deps, id);
  if (!unit) throw notFound();
  return unit;
}

export const campaignResource = (campaignId: string): Resource => ({ kind: 'campaign', campaignId });
export const groupResource = (g: Group): Resource => ({
  kind: 'group',
  campaignId: g.campaignId,
  groupId: g.id,
});
export const unitResource = (u: Unit): Resource => ({
  kind: 'unit',
  campaignId: u.campaignId,
  groupId: u.groupId,
  unitId: u.id,
});
export const officeResource: Resource = { kind: 'office' };
