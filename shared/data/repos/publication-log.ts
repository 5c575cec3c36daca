import type { Deps } from '../../deps';
import { PublicationEntry, PublicationHead } from '../../domain/publication-log';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import type { TransactItem } from '../transact';
import { getItem } from './get-item';

export const getPublicationHead = (deps: Deps, campaignId: string) =>
  getItem(deps, keys.publicationHead(campaignId), PublicationHead);

/** Every entry of a campaign's publication log, first to last. */
export const publicationEntries = (deps: Deps, campaignId: string) =>
  queryAll(deps, accessPatterns.publicationLog(campaignId), PublicationEntry);

/**
 * For the transaction that publishes: the entry, never replacing one, and
 * the head moved to it only if it is still where it was read (a publication
 * racing another fails and is retried by the person, nothing half-written).
 */
export function appendEntry(tableName: string, entry: PublicationEntry): TransactItem[] {
  const was = entry.seq - 1;
  return [
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.publicationEntry(entry.campaignId, entry.seq), ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName,
        Item: { ...keys.publicationHead(entry.campaignId), seq: entry.seq, hash: entry.hash },
        ...(was === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'seq = :was', ExpressionAttributeValues: { ':was': was } }),
      },
    },
  ];
}
