import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { hashPassword } from '../auth/password';
import { putAllOrNothing } from '../data/batch-write';
import { newId } from '../data/ids';
import { keys } from '../data/keys';
import type { StoredAccount } from '../data/repos/accounts';
import type { Deps } from '../deps';
import { type Campaign, CampaignSettings } from '../domain/campaign';
import type { Group, Member, Unit } from '../domain/org';
import type { Round } from '../domain/round';
import { mintCodes } from '../usecases/ballot-codes';
import { openSession } from '../usecases/review-session';
import { newRoundToken } from '../usecases/rounds';
import { demoAccounts, demoCampaignName, demoGroups, demoMembers, demoPassword, demoUnits } from './campaign';

/** What a person needs to try the demo, printed by the local start. */
export interface DemoInfo {
  seededNow: boolean;
  lines: string[];
  /** The demo ballot links, only on the start that minted them: codes are never stored in plain. */
  ballotLinks: string[];
}

function campaignItems(now: Date) {
  const at = now.toISOString();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const campaign: Campaign = {
    id: newId(),
    name: demoCampaignName,
    stages: {
      study: { start: day(-30), end: day(14) },
      appraisal: { start: day(15), end: day(60) },
      rectification: { start: day(61), end: day(150) },
    },
    settings: CampaignSettings.parse({}),
    createdAt: at,
    updatedAt: at,
  };
  const groups: Group[] = demoGroups.map((name) => ({
    id: newId(),
    campaignId: campaign.id,
    name,
    createdAt: at,
  }));
  const units: Unit[] = demoUnits.map(({ group, ...u }, i) => ({
    ...u,
    id: newId(),
    campaignId: campaign.id,
    groupId: groups[group]?.id ?? '',
    membersDue: 12,
    massRepresentativesDue: 20,
    // The first unit is ahead, in 分析评议, so later features have a unit to work with.
    stage: i === 0 ? 'appraisal' : 'study',
    createdAt: at,
    updatedAt: at,
  }));
  const members: Member[] = units.flatMap((u, i) =>
    demoMembers(i).map((m) => ({ ...m, id: newId(), unitId: u.id, createdAt: at })),
  );
  // Every unit has an open opinion-collection round until the end of 分析评议.
  const rounds: Round[] = units.map((u) => ({
    id: newRoundToken(),
    unitId: u.id,
    campaignId: campaign.id,
    groupId: u.groupId,
    unitName: u.name,
    unitType: u.type,
    opensAt: at,
    closesAt: `${campaign.stages.appraisal.end}T23:59:59+08:00`,
    form: { version: 1, questions: [] },
    createdAt: at,
    createdBy: demoAccounts.leader.username,
  }));
  return { campaign, groups, units, members, rounds };
}

/**
 * Seeds the demo campaign once per table: a marker item records that it was
 * done, so a restart keeps (and does not duplicate) what is there.
 */
export async function seedDemo(deps: Deps, baseUrl: string): Promise<DemoInfo> {
  const marker = await deps.db.send(
    new GetCommand({ TableName: deps.tableName, Key: keys.demoSeed(), ConsistentRead: true }),
  );
  const seededNow = !marker.Item;
  let demoRoundId = typeof marker.Item?.demoRoundId === 'string' ? marker.Item.demoRoundId : undefined;
  let ballotLinks: string[] = [];
  if (seededNow) {
    const now = deps.now();
    const { campaign, groups, units, members, rounds } = campaignItems(now);
    const passwordHash = await hashPassword(demoPassword);
    const account = (a: { username: string; displayName: string }, scope: StoredAccount['scope']) => ({
      ...keys.account(a.username),
      ...keys.accountListing(a.username),
      ...a,
      scope,
      disabled: false,
      createdAt: now.toISOString(),
      passwordHash,
      tokenVersion: 1,
      failedAttempts: 0,
    });
    const [firstGroup, firstUnit] = [groups[0], units[0]];
    demoRoundId = rounds[0]?.id;
    if (!firstGroup || !firstUnit) throw new Error('demo data needs a group and a unit');
    await putAllOrNothing(deps, [
      {
        ...keys.campaign(campaign.id),
        ...keys.campaignListing(campaign.createdAt, campaign.id),
        ...campaign,
      },
      ...groups.map((g) => ({ ...keys.group(g.id), ...keys.groupListing(campaign.id, g.name, g.id), ...g })),
      ...units.flatMap((u) => [
        { ...keys.unit(u.id), ...keys.unitListings(campaign.id, u.groupId, u.name, u.id), ...u },
        { ...keys.unitName(campaign.id, u.name), unitId: u.id },
      ]),
      ...members.map((m) => ({ ...keys.member(m.unitId, m.id), ...m })),
      ...rounds.flatMap((r) => [
        { ...keys.round(r.id), ...keys.roundListing(r.unitId, r.createdAt, r.id), ...r },
        { ...keys.formVersion(r.id, 1), roundId: r.id, ...r.form },
      ]),
      account(demoAccounts.office, { role: 'office' }),
      account(demoAccounts.supervisor, {
        role: 'supervisor',
        campaignId: campaign.id,
        groupId: firstGroup.id,
      }),
      account(demoAccounts.leader, { role: 'leader', campaignId: campaign.id, unitId: firstUnit.id }),
    ]);
    // The first unit is in 分析评议 with an open review session and codes to try.
    const session = await openSession(deps, demoAccounts.leader.username, firstUnit, {
      closesAt: `${campaign.stages.appraisal.end}T23:59:59+08:00`,
      comments: true,
    });
    const memberCodes = await mintCodes(deps, demoAccounts.leader.username, session, 'member', 12);
    const massCodes = await mintCodes(deps, demoAccounts.leader.username, session, 'mass', 20);
    ballotLinks = [
      ...memberCodes.map((c) => `党员 ${baseUrl}/b/${c}`),
      ...massCodes.map((c) => `群众代表 ${baseUrl}/b/${c}`),
    ];
    // Written last: a start interrupted before this point seeds again from scratch.
    await deps.db.send(
      new PutCommand({
        TableName: deps.tableName,
        Item: { ...keys.demoSeed(), seededAt: now.toISOString(), campaignId: campaign.id, demoRoundId },
      }),
    );
  }
  return {
    seededNow,
    ballotLinks,
    lines: [
      ...(demoRoundId ? [`群众意见表 Form:  ${baseUrl}/f/${demoRoundId}   (${demoUnits[0]?.name})`] : []),
      `控制台 Console:   ${baseUrl}/console   (demo accounts: office / dudao1 / leader1, password ${demoPassword})`,
      `API 参考 Docs:    ${baseUrl}/docs`,
      `健康检查 Health:  ${baseUrl}/healthz`,
    ],
  };
}
