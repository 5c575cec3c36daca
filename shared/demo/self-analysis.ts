import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
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
