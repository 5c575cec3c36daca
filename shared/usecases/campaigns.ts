import { newId } from '../data/ids';
import type { PageRequest } from '../data/query';
import { listCampaigns, putCampaign } from '../data/repos/campaigns';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { type Campaign, type CampaignInput, type CampaignPatch, CampaignSettings } from '../domain/campaign';
import { canonicalJson } from '../domain/canonical-json';
import { fail } from '../errors';
import { allow, campaignFor, officeResource } from './access';

/** The campaigns the caller can see: the office all (a page of them), anyone else their own. */
export async function campaignsFor(deps: Deps, who: Principal, page: PageRequest) {
  if (who.scope.role !== 'office') {
    return { items: [await campaignFor(deps, who, 'read', who.scope.campaignId)] };
  }
  return listCampaigns(deps, page);
}

/** The office sets up a campaign (audited). */
export async function createCampaign(deps: Deps, who: Principal, input: CampaignInput): Promise<Campaign> {
  allow(who, 'manage', officeResource);
  const now = deps.now().toISOString();
  const campaign = { ...input, id: newId(), createdAt: now, updatedAt: now };
  await putCampaign(deps, who.username, campaign, true);
  return campaign;
}

/** One campaign, for those in it (and the office). */
export const readCampaign = (deps: Deps, who: Principal, id: string) => campaignFor(deps, who, 'read', id);

/**
 * The office changes a campaign's name, stage windows or settings; the
 * settings given are merged into the current ones and checked whole. Once
 * the first round, session or evaluation opened, the settings are frozen:
 * a change of them is a 409 `SETTINGS_FROZEN` and nothing is written.
 */
export async function changeCampaign(
  deps: Deps,
  who: Principal,
  id: string,
  patch: CampaignPatch,
): Promise<Campaign> {
  const current = await campaignFor(deps, who, 'manage', id);
  const updated = {
    ...current,
    ...(patch.name ? { name: patch.name } : {}),
    ...(patch.stages ? { stages: patch.stages } : {}),
    settings: CampaignSettings.parse({ ...current.settings, ...patch.settings }),
    updatedAt: deps.now().toISOString(),
  };
  const settingsChange = canonicalJson(updated.settings) !== canonicalJson(current.settings);
  if (settingsChange && current.settingsFrozenAt) throw fail('SETTINGS_FROZEN');
  // Refused by the write: the first opening came between the read and the write.
  await putCampaign(deps, who.username, updated, false, () =>
    settingsChange ? fail('SETTINGS_FROZEN') : fail('CHANGED_MEANWHILE', '活动'),
  );
  return updated;
}
