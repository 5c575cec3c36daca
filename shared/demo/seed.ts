import { hashPassword } from '../auth/password';
import { newId } from '../data/ids';
import type { StoredAccount } from '../data/repos/accounts';
import { getDemoMarker, putDemoMarker, putDemoStructure } from '../data/repos/demo';
import { putTellers } from '../data/repos/votes';
import type { Deps } from '../deps';
import { type Campaign, CampaignSettings, promisedBy } from '../domain/campaign';
import type { Group, Member, Unit } from '../domain/org';
import type { Round } from '../domain/round';
import { openSession } from '../usecases/review-session';
import { newRoundToken } from '../usecases/rounds';
import { mintCodes } from '../usecases/vote-codes';
import { demoAccounts, demoCampaignName, demoGroups, demoMembers, demoPassword, demoUnits } from './campaign';
import { advanceStage, seedEvaluation } from './rectification';
import { demoActors, seedApprovedReport } from './report';
import { remedialUnit, satisfiedUnit } from './scripts';
import { seedSelfAnalyses, seedTeamAnalysis } from './self-analysis';

/** What a person needs to try the demo, printed by the local start. */
export interface DemoInfo {
  seededNow: boolean;
  lines: string[];
  /** The demo ballot links, only on the start that minted them: codes are never stored in plain. */
  ballotLinks: string[];
  /** The first unit's members' personal links (`name link`), on the start that issued them. */
  memberLinks: string[];
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
    // The demo lets mass representatives mark 不了解, so the ballot shows the option.
    settings: CampaignSettings.parse({ massUnknown: true }),
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
    promised: promisedBy(campaign),
  }));
  return { campaign, groups, units, members, rounds };
}

/**
 * Seeds the demo campaign once per table: a marker item records that it was
 * done, so a restart keeps (and does not duplicate) what is there.
 */
export async function seedDemo(
  deps: Deps,
  baseUrl: string,
  opts: { settle?: () => Promise<void> } = {},
): Promise<DemoInfo> {
  const marker = await getDemoMarker(deps);
  const seededNow = !marker;
  let demoRoundId = marker?.demoRoundId;
  let demoDisclosure = marker?.demoDisclosure;
  let ballotLinks: string[] = [];
  let memberLinks: string[] = [];
  if (seededNow) {
    const now = deps.now();
    const { campaign, groups, units, members, rounds } = campaignItems(now);
    const passwordHash = await hashPassword(demoPassword);
    const account = (
      a: { username: string; displayName: string },
      scope: StoredAccount['scope'],
    ): StoredAccount => ({
      ...a,
      scope,
      disabled: false,
      createdAt: now.toISOString(),
      passwordHash,
      tokenVersion: 1,
    });
    const [firstGroup, firstUnit] = [groups[0], units[0]];
    demoRoundId = rounds[0]?.id;
    if (!firstGroup || !firstUnit) throw new Error('demo data needs a group and a unit');
    await putDemoStructure(deps, {
      campaign,
      groups,
      units,
      members,
      rounds,
      accounts: [
        account(demoAccounts.office, { role: 'office' }),
        account(demoAccounts.supervisor, {
          role: 'supervisor',
          campaignId: campaign.id,
          groupId: firstGroup.id,
        }),
        account(demoAccounts.leader, { role: 'leader', campaignId: campaign.id, unitId: firstUnit.id }),
        account(demoAccounts.leader2, {
          role: 'leader',
          campaignId: campaign.id,
          unitId: units[1]?.id ?? '',
        }),
        account(demoAccounts.leader3, {
          role: 'leader',
          campaignId: campaign.id,
          unitId: units[units.length - 1]?.id ?? '',
        }),
        ...[demoAccounts.teller1, demoAccounts.teller2].map((a) =>
          account(a, { role: 'supervisor', campaignId: campaign.id, groupId: firstGroup.id }),
        ),
      ],
    });
    // The first unit is in 分析评议 with an open review session and codes to try.
    const session = await openSession(deps, demoAccounts.leader.username, firstUnit, {
      closesAt: `${campaign.stages.appraisal.end}T23:59:59+08:00`,
      comments: true,
    });
    const by = {
      actor: demoAccounts.leader.username,
      target: `unit:${firstUnit.id}/session:${session.id}`,
      kind: 'review' as const,
    };
    // The supervision group has named the session's two tellers for the counting after the vote.
    await putTellers(deps, demoAccounts.supervisor.username, 'review', session, {
      teller1: demoAccounts.teller1.username,
      teller2: demoAccounts.teller2.username,
    });
    const { codes: memberCodes } = await mintCodes(deps, by, session, { voterGroup: 'member', count: 12 });
    const { codes: massCodes } = await mintCodes(deps, by, session, { voterGroup: 'mass', count: 20 });
    ballotLinks = [
      ...memberCodes.map((c) => `党员 ${baseUrl}/b/${c}`),
      ...massCodes.map((c) => `群众代表 ${baseUrl}/b/${c}`),
    ];
    // Its members write their 党性分析 through personal links: materials in every state.
    memberLinks = await seedSelfAnalyses(
      deps,
      firstUnit,
      demoActors(firstUnit, {
        leader: demoAccounts.leader.username,
        supervisor: demoAccounts.supervisor.username,
      }),
      baseUrl,
    );
    // Its leading team has sent its 领导班子分析检查报告 to the supervision group.
    await seedTeamAnalysis(
      deps,
      firstUnit,
      demoActors(firstUnit, {
        leader: demoAccounts.leader.username,
        supervisor: demoAccounts.supervisor.username,
      }),
      false,
    );
    // The second unit has come through 集中查找 and 组织把关认可 into 整改提高: its report is
    // approved and public, its measures are under way, and the masses rated them (满意率 above 60%).
    // The first group's third unit got that far too, but its masses were not satisfied: it must 补课.
    const runs = [
      { index: 1, leader: demoAccounts.leader2.username, script: satisfiedUnit },
      { index: units.length - 1, leader: demoAccounts.leader3.username, script: remedialUnit },
    ];
    for (const run of runs) {
      const [unit, round] = [units[run.index], rounds[run.index]];
      if (!unit || !round) continue;
      const who = demoActors(unit, { leader: run.leader, supervisor: demoAccounts.supervisor.username });
      await advanceStage(deps, unit.id, who, '学习动员阶段工作已完成');
      const token = await seedApprovedReport(deps, unit, round, who, run.script, opts.settle);
      if (run.index === 1) demoDisclosure = token;
      const inRectification = await advanceStage(deps, unit.id, who, '分析评议报告已经督导组认可');
      await seedEvaluation(deps, inRectification, who, run.script);
    }
    await putDemoMarker(deps, {
      seededAt: now.toISOString(),
      campaignId: campaign.id,
      demoRoundId,
      ...(demoDisclosure ? { demoDisclosure } : {}),
    });
  }
  return {
    seededNow,
    ballotLinks,
    memberLinks,
    lines: [
      ...(demoRoundId ? [`群众意见表 Form:  ${baseUrl}/f/${demoRoundId}   (${demoUnits[0]?.name})`] : []),
      ...(demoDisclosure
        ? [
            `分析评议公开 Report: ${baseUrl}/p/${demoDisclosure}   (${demoUnits[1]?.name}; npm run verify -- <this link>)`,
          ]
        : []),
      `控制台 Console:   ${baseUrl}/console   (demo accounts: office / dudao1 / leader1 / leader2 / leader3, tellers jipiao1 / jipiao2, password ${demoPassword})`,
      `API 参考 Docs:    ${baseUrl}/docs`,
      `健康检查 Health:  ${baseUrl}/healthz`,
    ],
  };
}
