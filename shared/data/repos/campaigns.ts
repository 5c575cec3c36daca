import type { Deps } from '../../deps';
import { Campaign } from '../../domain/campaign';
import { conflict, notFound } from '../../errors';
import { keys } from '../keys';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

export const getCampaign = (deps: Deps, id: string) => getItem(deps, keys.campaign(id), Campaign);

export async function putCampaign(deps: Deps, actor: string, campaign: Campaign, isNew: boolean) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...keys.campaign(campaign.id),
            ...keys.campaignListing(campaign.createdAt, campaign.id),
            ...campaign,
          },
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
    () => (isNew ? conflict('EXISTS', '活动已存在') : notFound()),
  );
}
