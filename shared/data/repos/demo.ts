import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Deps } from '../../deps';
import type { Campaign } from '../../domain/campaign';
import type { Group, Member, Unit } from '../../domain/org';
import type { Round } from '../../domain/round';
import { putAllOrNothing } from '../batch-write';
import { keys } from '../keys';
import { accountRecord, type StoredAccount } from './accounts';
import { campaignRecord } from './campaigns';
import { groupRecord } from './groups';
import { memberRecord } from './members';
import { formRecord, roundRecord } from './rounds';
import { unitNameRecord, unitRecord } from './units';

/** The marker that records that the demo campaign was seeded into this table. */
const DemoMarker = z.object({
  seededAt: z.string(),
  campaignId: z.string(),
  demoRoundId: z.string().optional(),
  /** The disclosure token of the demo's approved report. */
  demoDisclosure: z.string().optional(),
});
export type DemoMarker = z.infer<typeof DemoMarker>;

export async function getDemoMarker(deps: Deps): Promise<DemoMarker | undefined> {
  const out = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.demoSeed(), ConsistentRead: true }),
  );
  return out.Item ? DemoMarker.parse(out.Item) : undefined;
}

/** Written last: a start interrupted before this seeds again from scratch. */
export async function putDemoMarker(deps: Deps, marker: DemoMarker): Promise<void> {
  await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...keys.demoSeed(), ...marker } }));
}

/** Writes the demo campaign's structure, all or nothing. */
export async function putDemoStructure(
  deps: Deps,
  demo: {
    campaign: Campaign;
    groups: Group[];
    units: Unit[];
    members: Member[];
    rounds: Round[];
    accounts: StoredAccount[];
  },
): Promise<void> {
  await putAllOrNothing(deps, [
    campaignRecord(demo.campaign),
    ...demo.groups.map(groupRecord),
    ...demo.units.flatMap((u) => [unitRecord(u), unitNameRecord(u)]),
    ...demo.members.map(memberRecord),
    ...demo.rounds.flatMap((r) => [roundRecord(r), formRecord(r)]),
    ...demo.accounts.map(accountRecord),
  ]);
}
