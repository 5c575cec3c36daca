import * as z from 'zod';
import type { Deps } from '../../deps';
import { analysisTallyOf } from '../../domain/analysis-tally';
import { Campaign } from '../../domain/campaign';
import { ReviewSession } from '../../domain/review';
import { batchGetAll } from '../batch-get';
import { keys } from '../keys';

const Stored = z.record(z.string(), z.unknown());
const at = (items: Record<string, unknown>[]) => {
  const byKey = new Map(items.map((i) => [`${i.pk}\n${i.sk}`, i]));
  return (k: { pk: string; sk: string }) => byKey.get(`${k.pk}\n${k.sk}`);
};

/**
 * What the overview lines of many units read by key, in BatchGetItems of 100
 * keys: each unit's live opinion total (all rounds) and 党性分析 completion (the
 * same item), the review sessions the
 * units name as waiting for their count, and the campaign when one is named.
 * Everything else an overview line shows, the unit keeps.
 */
export async function overviewItems(
  deps: Deps,
  unitIds: string[],
  campaignId?: string,
  sessionIds: string[] = [],
) {
  const campaignKey = campaignId ? [keys.campaign(campaignId)] : [];
  const wanted = unitIds.map((id) => keys.opinionAggregate(id, 'ALL'));
  const sessionKeys = sessionIds.map(keys.session);
  const find = at(
    await batchGetAll(deps, deps.tableName, [...campaignKey, ...wanted, ...sessionKeys], Stored),
  );
  const campaign = campaignKey[0] && find(campaignKey[0]);
  return {
    campaign: campaign ? Campaign.parse(campaign) : undefined,
    sessions: sessionKeys.flatMap((k) => {
      const found = find(k);
      return found ? [ReviewSession.parse(found)] : [];
    }),
    opinions: new Map(
      unitIds.map((id) => {
        const total = find(keys.opinionAggregate(id, 'ALL'))?.total;
        return [id, typeof total === 'number' ? total : 0];
      }),
    ),
    analyses: new Map(unitIds.map((id) => [id, analysisTallyOf(find(keys.opinionAggregate(id, 'ALL')))])),
  };
}
