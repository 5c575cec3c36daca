import { randomBytes } from 'node:crypto';
import { allOpinions } from '../data/repos/opinions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { chinaDay } from '../domain/china-day';
import { opinionInput } from '../domain/opinion';
import type { Unit } from '../domain/org';
import type { Round } from '../domain/round';
import { addMeasure, addProgress } from '../usecases/measures';
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
  const discipline = await saveProblem(deps, leader, unit.id, {
    title: '部分党员组织纪律松弛，上班迟到早退',
    area: 'ordinary',
    opinionRefs: about('discipline'),
  });
  const awareness = await saveProblem(deps, leader, unit.id, {
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
  await seedMeasures(deps, leader, unit, { discipline: discipline.id, awareness: awareness.id });
  return approved.token ?? '';
}

/** Measures in several states, one of them past its deadline (整改措施). */
async function seedMeasures(
  deps: Deps,
  leader: Principal,
  unit: Unit,
  problems: { discipline: string; awareness: string },
) {
  const day = (offset: number) => chinaDay(new Date(deps.now().getTime() + offset * 86_400_000));
  const attendance = await addMeasure(deps, leader, unit, {
    problemId: problems.discipline,
    action: '修订考勤管理制度，每月在车间公示党员出勤情况',
    post: '党支部书记',
    deadline: day(30),
  });
  await addProgress(deps, leader, unit, attendance.id, {
    note: '考勤制度修订稿已征求职工意见',
    state: 'underway',
  });
  const talks = await addMeasure(deps, leader, unit, {
    problemId: problems.discipline,
    action: '支部委员与迟到较多的党员逐一谈心谈话',
    post: '党支部组织委员',
    deadline: day(-3),
  });
  await addProgress(deps, leader, unit, talks.id, { note: '已谈话6人，还有2人未谈', state: 'underway' });
  const posts = await addMeasure(deps, leader, unit, {
    problemId: problems.awareness,
    action: '在生产一线设立党员先锋岗并挂牌',
    post: '车间主任',
    deadline: day(14),
  });
  await addProgress(deps, leader, unit, posts.id, { note: '8个党员先锋岗已挂牌', state: 'done' });
}
