import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
import { teamAnalysisId } from '../domain/self-analysis';
import { issueLinks, memberLinks } from '../usecases/member-links';
import { approveSelfAnalysis, enterSelfAnalysis, returnSelfAnalysis } from '../usecases/self-analyses';
import { saveOwnAnalysis } from '../usecases/self-analysis-desk';
import type { DemoActors } from './report';

const material = (problems: string, causes: string, action: string) => ({
  problems,
  causes,
  measures: [{ action, deadline: '2027-03-31' }],
});

/**
 * 党性分析 in a demo unit: every member gets a personal link, and materials
 * stand in every state — approved, submitted, returned with a comment, a
 * draft, one typed in by the secretary from paper, the rest not started.
 * Returns each member's link (`name link`), for `.data/demo-member-links.txt`.
 */
export async function seedSelfAnalyses(deps: Deps, unit: Unit, who: DemoActors, baseUrl: string) {
  await issueLinks(deps, who.leader, unit.id);
  const { rows } = await memberLinks(deps, who.leader, unit.id);
  const [approved, submitted, returned, draft, paper] = rows;
  const save = (token: string | undefined, content: unknown, submit: boolean) =>
    saveOwnAnalysis(deps, token ?? '', { content, version: 0, submit });
  if (approved && submitted && returned && draft && paper) {
    await save(
      approved.token,
      material('理论学习浮在面上，联系实际不够', '对理论学习的重要性认识不足', '每周读书一小时并写心得'),
      true,
    );
    await approveSelfAnalysis(deps, who.leader, approved.member.id);
    await save(
      submitted.token,
      material('服务群众意识不强，深入车间少', '宗旨意识有所淡化', '每月到班组蹲点两天'),
      true,
    );
    await save(returned.token, material('工作中有畏难情绪', '工作忙', '克服畏难情绪'), true);
    await returnSelfAnalysis(deps, who.leader, returned.member.id, {
      comment: '原因剖析只写了“工作忙”，请从理想信念、宗旨意识上找根源',
    });
    await save(draft.token, { problems: '带头作用发挥不够', causes: '', measures: [] }, false);
    await enterSelfAnalysis(deps, who.leader, unit.id, paper.member.id, {
      content: material('执行制度有时打折扣', '纪律观念不强', '严格执行考勤和操作规程'),
      version: 0,
      submit: true,
    });
  }
  return rows.map((r) => `${r.member.name} ${new URL(`/m/${r.token}`, baseUrl).toString()}`);
}

/**
 * The leading team's 领导班子分析检查报告 of a demo unit, written by its leader
 * and submitted; `approve`: approved by the supervision group too (before the
 * report is built, so it is published with it).
 */
export async function seedTeamAnalysis(deps: Deps, unit: Unit, who: DemoActors, approve: boolean) {
  const id = teamAnalysisId(unit.id);
  await enterSelfAnalysis(deps, who.leader, unit.id, id, {
    content: {
      problems:
        '深入班组、听取职工意见不够经常；抓党员教育管理偏重开会布置，督促检查少；对职工反映较多的加班和安全问题回应不及时。',
      causes:
        '班子成员理论学习不够深入，宗旨意识有所淡化；重生产经营、轻党建工作的思想仍然存在；民主集中制执行中会前沟通不充分。',
      measures: [
        { action: '班子成员每月到联系班组蹲点一天，听取意见并在一周内答复', deadline: '2027-03-31' },
        { action: '建立党员教育管理季度检查制度，检查结果在支部公示', deadline: '2027-06-30' },
      ],
    },
    version: 0,
    submit: true,
  });
  if (approve) await approveSelfAnalysis(deps, who.supervisor, id);
}
