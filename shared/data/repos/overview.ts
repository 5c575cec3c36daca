import * as z from 'zod';
import type { Deps } from '../../deps';
import { Campaign } from '../../domain/campaign';
import { Report } from '../../domain/report';
import { batchGetAll } from '../batch-get';
import { keys } from '../keys';
import { SealedResults } from './sessions';

const Stored = z.record(z.string(), z.unknown());
const at = (items: Record<string, unknown>[]) => {
  const byKey = new Map(items.map((i) => [`${i.pk}\n${i.sk}`, i]));
  return (k: { pk: string; sk: string }) => byKey.get(`${k.pk}\n${k.sk}`);
};

/**
 * What the overview lines of many units read by key, in BatchGetItems of 100
 * keys: each unit's live opinion total (all rounds) and its report, and the
 * campaign when one is named.
 */
export async function overviewItems(deps: Deps, unitIds: string[], campaignId?: string) {
  const campaignKey = campaignId ? [keys.campaign(campaignId)] : [];
  const wanted = unitIds.flatMap((id) => [keys.opinionAggregate(id, 'ALL'), keys.report(id)]);
  const find = at(await batchGetAll(deps, deps.tableName, [...campaignKey, ...wanted], Stored));
  const campaign = campaignKey[0] && find(campaignKey[0]);
  return {
    campaign: campaign ? Campaign.parse(campaign) : undefined,
    opinions: new Map(
      unitIds.map((id) => {
        const total = find(keys.opinionAggregate(id, 'ALL'))?.total;
        return [id, typeof total === 'number' ? total : 0];
      }),
    ),
    reports: new Map(
      unitIds.flatMap((id) => {
        const report = find(keys.report(id));
        return report ? [[id, Report.parse(report)] as const] : [];
      }),
    ),
  };
}

/** The sealed results of the given review sessions, in BatchGetItems of 100 keys. */
export async function sealedResultsOf(deps: Deps, sessionIds: string[]): Promise<Map<string, SealedResults>> {
  const found = await batchGetAll(deps, deps.tableName, sessionIds.map(keys.sealedResults), SealedResults);
  return new Map(found.map((s) => [s.sessionId, s]));
}
