import { randomBytes } from 'node:crypto';
import { allOpinions } from '../data/repos/opinions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { opinionInput } from '../domain/opinion';
import type { Unit } from '../domain/org';
import type { Round } from '../domain/round';
import { saveProblem } from '../usecases/problems';
import { approveReport, buildReport, submitReport } from '../usecases/report';
import { submitOpinion } from '../usecases/submit-opinion';

/** What the masses of the second demo unit said: [respondent, problems, text]. */
const sayings: [string | undefined, string[], string][] = [
  ['mass', ['discipline'], '上班时间有人玩手机、迟到早退，群众看在眼里'],
  ['mass', ['discipline'], '车间纪律松，党员没带头'],
  ['member', ['discipline'], '个别党员组织生活会不参加'],
  ['mass', ['discipline'], '劳动纪律执行不严，奖惩不落实'],
  ['mass', ['discipline'], '党员迟到早退和一般职工一样'],
  ['mass', ['partyAwareness'], '有的党员不亮身份，看不出是党员'],
  ['member', ['partyAwareness'], '党员意识淡薄，把自己混同于普通群众'],
  ['mass', ['partyAwareness'], '党员在困难面前没有冲在前面'],
  ['mass', ['partyAwareness'], '希望党员挂牌上岗，接受群众监督'],
  ['mass', ['partyAwareness'], '党员先锋作用不明显'],
  [undefined, ['workSkills'], '新产品线技术培训跟不上'],
  ['mass', ['workSkills'], '希望多组织技能比武'],
];

const as = (username: string, displayName: string, scope: Principal['scope']): Principal => ({
  username,
  displayName,
  scope,
});

/**
 * A complete run for the demo's second unit: opinions sent, merged into
 * problems, the report built and submitted by its leader, approved by the
 * supervision group for everyone holding the unit's QR link. Returns the
 * disclosure token.
 */
export async function seedApprovedReport(
  deps: Deps,
  unit: Unit,
  round: Round,
  accounts: { leader: string; supervisor: string },
  k: number,
): Promise<string> {
  for (const [respondent, problems, opinion] of sayings) {
    const input = opinionInput(round).parse({
      submissionId: randomBytes(16).toString('base64url'),
      ...(respondent ? { respondent } : {}),
      problems,
      opinion,
    });
    await submitOpinion(deps, round, input);
  }
  const leader = as(accounts.leader, accounts.leader, {
    role: 'leader',
    campaignId: unit.campaignId,
    unitId: unit.id,
  });
  const supervisor = as(accounts.supervisor, accounts.supervisor, {
    role: 'supervisor',
    campaignId: unit.campaignId,
    groupId: unit.groupId,
  });
  const opinions = await allOpinions(deps, unit.id);
  const about = (problem: string) => opinions.filter((o) => o.problems.includes(problem)).map((o) => o.ref);
  await saveProblem(deps, leader, unit.id, {
    title: '部分党员组织纪律松弛，上班迟到早退',
    area: 'ordinary',
    opinionRefs: about('discipline'),
  });
  await saveProblem(deps, leader, unit.id, {
    title: '党员身份意识不强，先锋作用不明显',
    area: 'frontline',
    opinionRefs: about('partyAwareness'),
  });
  await saveProblem(deps, leader, unit.id, {
    title: '新产品线技能培训跟不上',
    area: 'unitWork',
    opinionRefs: about('workSkills'),
  });
  await buildReport(deps, leader, unit, k);
  await submitReport(deps, leader, unit.id);
  const approved = await approveReport(deps, supervisor, unit.id, 'public');
  return approved.token ?? '';
}
