import type { Deps } from '../../deps';
import { PublicationEntry, PublicationHead } from '../../domain/publication-log';
import { AppError, unavailable } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll } from '../query';
import type { TransactItem } from '../transact';
import { getItem } from './get-item';

export const getPublicationHead = (deps: Deps, campaignId: string) =>
  getItem(deps, keys.publicationHead(campaignId), PublicationHead);

/** Every entry of a campaign's publication log, first to last. */
export const publicationEntries = (deps: Deps, campaignId: string) =>
  queryAll(deps, accessPatterns.publicationLog(campaignId), PublicationEntry);

/** Another publication of the campaign moved the log's head after it was read: build the entry again. */
export class HeadMoved extends Error {
  constructor() {
    super('the publication log moved on meanwhile');
  }
}

/**
 * Runs `publish` with the campaign log's head as it is now. When another
 * publication took the next number meanwhile (`publish` throws `HeadMoved`,
 * nothing of it written), or other publications held the head through all
 * of one transaction's conflict retries, reads the head again after a short
 * jittered pause and lets `publish` rebuild its entry on it; after ten
 * rounds, 503 to retry later. Every round some writer wins, so a handful of console writes
 * at once in one campaign all land.
 */
export async function atLogHead<T>(
  deps: Deps,
  campaignId: string,
  publish: (head: PublicationHead | undefined) => Promise<T>,
  attempts = 10,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await publish(await getPublicationHead(deps, campaignId));
    } catch (err) {
      // The head moved, or other publications held it through every retry of one transaction
      // (all of a campaign's publications meet on that one item): start again from the head.
      const busy = err instanceof AppError && err.code === 'UNAVAILABLE';
      if (!(err instanceof HeadMoved) && !busy) throw err;
      if (attempt >= attempts) throw unavailable('同时公示的太多了，请稍后重试');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40 * attempt));
    }
  }
}

/**
 * For a transaction of `own` items followed by `appendEntry`'s: which failed
 * condition is the writer's own (its error) and which the log's (`HeadMoved`).
 */
export const ownOrHead =
  (own: number, ownError: (index: number) => AppError) =>
  (index: number): Error =>
    index < own ? ownError(index) : new HeadMoved();

/**
 * For the transaction that publishes: the entry, never replacing one, and
 * the head moved to it only if it is still where it was read (a publication
 * racing another fails with nothing half-written, and `atLogHead` rebuilds
 * it). A rectification entry is also noted on the disclosed report, so its
 * page finds its latest entry without walking the log.
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
    ...(entry.kind === 'rectification'
      ? [
          {
            Update: {
              TableName: tableName,
              Key: keys.report(entry.unitId),
              UpdateExpression: 'SET rectificationLog = :l',
              ExpressionAttributeValues: {
                ':l': { seq: entry.seq, hash: entry.hash, sha256: entry.contentSha256 },
              },
            },
          },
        ]
      : []),
  ];
}
