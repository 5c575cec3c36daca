import type { Deps } from '../../deps';
import { Group } from '../../domain/org';
import { notFound } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryAll, queryPage } from '../query';
import { writeAudited } from '../transact';
import { getItem } from './get-item';

export const getGroup = (deps: Deps, id: string) => getItem(deps, keys.group(id), Group);

/** A group as stored, with its listing keys. */
export const groupRecord = (group: Group) => ({
  ...keys.group(group.id),
  ...keys.groupListing(group.campaignId, group.name, group.id),
  ...group,
});

/** Creates or replaces a group; a new one must belong to an existing campaign. */
export async function putGroup(deps: Deps, actor: string, group: Group, isNew: boolean) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: groupRecord(group),
          ConditionExpression: isNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
        },
      },
      {
        ConditionCheck: {
          TableName: deps.tableName,
          Key: keys.campaign(group.campaignId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ],
    {
      actor,
      action: isNew ? 'group.create' : 'group.update',
      target: `group:${group.id}`,
      detail: { name: group.name },
    },
    () => notFound(),
  );
}

/** The supervision groups of a campaign, by name. */
export const listGroups = (deps: Deps, campaignId: string, page: PageRequest) =>
  queryPage(deps, accessPatterns.groupsOfCampaign(campaignId), Group, page);

export const allGroups = (deps: Deps, campaignId: string) =>
  queryAll(deps, accessPatterns.groupsOfCampaign(campaignId), Group);
