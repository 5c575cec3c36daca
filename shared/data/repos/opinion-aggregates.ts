import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Deps } from '../../deps';
import { analysisTallyOf } from '../../domain/analysis-tally';
import { Campaign } from '../../domain/campaign';
import { type AggregateDelta, type Counts, remainderAfter } from '../../domain/opinion-aggregate';
import { Unit } from '../../domain/org';
import { batchGetAll } from '../batch-get';
import { keys } from '../keys';
import type { ReadDeps } from '../query';
import { getItem } from './get-item';

const Stored = z.record(z.string(), z.unknown());

/** The attribute holding the last sequence number of a round's records applied to an item. */
const guardOf = (roundId: string) => `seq_${roundId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The counters of a stored aggregate item (its numeric attributes with counter names). */
function countsIn(item: Record<string, unknown> | undefined): Counts {
  const counts: Counts = {};
  for (const [k, v] of Object.entries(item ?? {})) {
    if (/^(total|[radfp]_)/.test(k) && typeof v === 'number') counts[k] = v;
  }
  return counts;
}

/** A unit's live counts, or one round's: one strongly consistent read, however many opinions. */
export async function getOpinionCounts(deps: Deps, unitId: string, roundId?: string): Promise<Counts> {
  const scope = roundId ? `ROUND#${roundId}` : 'ALL';
  return countsIn(await getItem(deps, keys.opinionAggregate(unitId, scope), Stored));
}

/**
 * What a unit's opinion dashboard needs, in one BatchGetItem: the unit, its
 * live counts (all rounds or one) and, when the caller's scope names it, the
 * campaign (for k). The office's scope names no campaign: it is read apart.
 */
export async function unitWithCounts(deps: Deps, unitId: string, roundId?: string, campaignId?: string) {
  const [unitKey, countsKey] = [
    keys.unit(unitId),
    keys.opinionAggregate(unitId, roundId ? `ROUND#${roundId}` : 'ALL'),
  ];
  const campaignKey = campaignId ? keys.campaign(campaignId) : undefined;
  const items = await batchGetAll(
    deps,
    deps.tableName,
    [unitKey, countsKey, ...(campaignKey ? [campaignKey] : [])],
    Stored,
  );
  const find = (k: { pk: string; sk: string } | undefined) =>
    k && items.find((i) => i.pk === k.pk && i.sk === k.sk);
  const unit = find(unitKey);
  const campaign = find(campaignKey);
  return {
    unit: unit ? Unit.parse(unit) : undefined,
    campaign: campaign ? Campaign.parse(campaign) : undefined,
    counts: countsIn(find(countsKey)),
    /** 党性分析 completion, kept on the all-rounds item (all zero when one round is read). */
    analyses: analysisTallyOf(roundId ? undefined : find(countsKey)),
  };
}

/**
 * Adds one batch's delta to its aggregate item in one UpdateItem: ADD on each
 * counter, and the round's sequence guard moved to the batch's last record,
 * only if the item has not seen the batch's first record. Redelivery is
 * normal: if the item has seen part of the batch, the rest is folded again and
 * applied on the stored guard; if it has seen all of it, nothing changes.
 */
export async function applyDelta(deps: ReadDeps, delta: AggregateDelta): Promise<void> {
  const guard = guardOf(delta.roundId);
  let pending: AggregateDelta | undefined = delta;
  let seen: string | undefined;
  for (let attempt = 0; pending && attempt < 5; attempt++) {
    const entries = Object.entries(pending.counts);
    try {
      await deps.db.send(
        new UpdateCommand({
          TableName: deps.tableName,
          Key: keys.opinionAggregate(pending.unitId, pending.scope),
          UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :v${i}`).join(', ')} SET #g = :last, unitId = :unit`,
          ConditionExpression: seen === undefined ? 'attribute_not_exists(#g) OR #g < :first' : '#g = :seen',
          ExpressionAttributeNames: {
            '#g': guard,
            ...Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])),
          },
          ExpressionAttributeValues: {
            ':last': pending.lastSeq,
            ':unit': pending.unitId,
            ...(seen === undefined ? { ':first': pending.firstSeq } : { ':seen': seen }),
            ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          },
        }),
      );
      return;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const stored = await getItem(deps, keys.opinionAggregate(pending.unitId, pending.scope), Stored);
      seen = String(stored?.[guard] ?? '');
      pending = remainderAfter(delta, seen);
    }
  }
  if (pending) throw new Error('aggregate item kept changing under its update');
}
