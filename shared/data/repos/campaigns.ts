import type { Deps } from '../../deps';
import { Campaign } from '../../domain/campaign';
import { fail, notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryPage } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

export const getCampaign = (deps: Deps, id: string) => getItem(deps, keys.campaign(id), Campaign);

/** A campaign as stored, with its listing keys. */
export const campaignRecord = (campaign: Campaign) => ({
  ...keys.campaign(campaign.id),
  ...keys.campaignListing(campaign.createdAt, campaign.id),
  ...campaign,
});

export async function putCampaign(deps: Deps, actor: string, campaign: Campaign, isNew: boolean) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: campaignRecord(campaign),
          ConditionExpression: isNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
        },
      },
    ],
    {
      actor,
      action: isNew ? 'campaign.create' : 'campaign.update',
      target: `campaign:${campaign.id}`,
      detail: { name: campaign.name, stages: campaign.stages, settings: campaign.settings },
    },
    () => (isNew ? fail('EXISTS', '活动') : notFound()),
  );
}

/** Every campaign, oldest first (the office's list). */
export const listCampaigns = (deps: Deps, page: PageRequest) =>
  queryPage(deps, accessPatterns.campaigns(), Campaign, page);
