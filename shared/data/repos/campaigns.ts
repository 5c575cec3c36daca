import type { Deps } from '../../deps';
import { Campaign } from '../../domain/campaign';
import { type AppError, fail, notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryPage } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

export const getCampaign = (deps: Deps, id: string) => getItem(deps, keys.campaign(id), Campaign);

/** A campaign as stored, with its listing keys. */
export const campaignRecord = (campaign: Campaign) => ({
  ...keys.campaign(campaign.id),
  ...keys.campaignListing(campaign.createdAt, campaign.id),
  ...campaign,
});

/**
 * For the transaction that opens a round, review session or evaluation: the
 * campaign's settings are frozen from the first one on (kept at the first).
 * Nothing once they are frozen, so later openings never touch the campaign
 * item (on AWS, transactions touching one item at once cancel each other).
 */
export const freezeSettings = (
  tableName: string,
  campaign: { id: string; settingsFrozenAt?: string | undefined },
  at: string,
): TransactItem[] =>
  campaign.settingsFrozenAt
    ? []
    : [
        {
          Update: {
            TableName: tableName,
            Key: keys.campaign(campaign.id),
            UpdateExpression: 'SET settingsFrozenAt = if_not_exists(settingsFrozenAt, :at)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': at },
          },
        },
      ];

/**
 * Stores a new campaign, or a changed one. A change is written only if the
 * settings are still as frozen (or not) as when it was read, so a change of
 * settings racing the first opening fails instead of landing after it.
 */
export async function putCampaign(
  deps: Deps,
  actor: string,
  campaign: Campaign,
  isNew: boolean,
  refused: () => AppError = notFound,
) {
  const frozen = campaign.settingsFrozenAt;
  const condition = isNew
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : frozen
      ? { ConditionExpression: 'settingsFrozenAt = :f', ExpressionAttributeValues: { ':f': frozen } }
      : { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(settingsFrozenAt)' };
  await writeAudited(
    deps,
    [{ Put: { TableName: deps.tableName, Item: campaignRecord(campaign), ...condition } }],
    {
      actor,
      action: isNew ? 'campaign.create' : 'campaign.update',
      target: `campaign:${campaign.id}`,
      detail: { name: campaign.name, stages: campaign.stages, settings: campaign.settings },
    },
    () => (isNew ? fail('EXISTS', '活动') : refused()),
  );
}

/** Every campaign, oldest first (the office's list). */
export const listCampaigns = (deps: Deps, page: PageRequest) =>
  queryPage(deps, accessPatterns.campaigns(), Campaign, page);
