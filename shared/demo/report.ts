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
import { buildReport, submitReport } from '../usecases/report';
import { approveReport } from '../usecases/report-approval';
import { submitOpinion } from '../usecases/submit-opinion';
import { seedCountedReview } from './review';
import type { DemoScript } from './scripts';
import { seedTeamAnalysis } from './self-analysis';

/** The principals a demo run acts as: the unit's leader and its supervision group. */
export interface DemoActors {
  leader: Principal;
  supervisor: Principal;
}

export function demoActors(unit: Unit, accounts: { leader: string; supervisor: string }): DemoActors {
  const { campaignId, groupId } = unit;
  return {
    leader: {
      username: accounts.leader,
      displayName: accounts.leader,
      scope: { role: 'leader', campaignId, unitId: unit.id },
    },
    supervisor: {
      username: accounts.supervisor,
      displayName: accounts.supervisor,
      scope: { role: 'supervisor', campaignId, groupId },
    },
  };
}

/**
 * 集中查找 → 组织把关认可 for a demo unit: the masses' opinions sent, merged
 * into problems, the report built and submitted by its leader, approved by
 * the supervision group for everyone holding the unit's QR link; then the
 * measures with their progress. Returns the disclosure token.
 */
export async function seedApprovedReport(
  deps: Deps,
  unit: Unit,
  round: Round,
  who: DemoActors,
  script: DemoScript,
  /** Waits until the live counts hold the opinions just sent (`npm start`'s stream poller). */
  settle?: () => Promise<void>,
): Promise<string> {
  for (const [respondent, problems, opinion] of script.sayings) {
    const input = opinionInput(round).parse({
      submissionId: randomBytes(16).toString('base64url'),
      ...(respondent ? { respondent } : {}),
      problems,
      opinion,
    });
    await submitOpinion(deps, round, input);
  }
  const opinions = await allOpinions(deps, unit.id);
  const ids = new Map<string, string>();
  for (const p of script.problems) {
    const refs = opinions.filter((o) => o.problems.includes(p.key)).map((o) => o.ref);
    const saved = await saveProblem(deps, who.leader, unit.id, {
      title: p.title,
      area: p.area,
      opinionRefs: refs,
    });
    ids.set(p.key, saved.id);
  }
  await seedCountedReview(deps, unit, who);
  await settle?.();
  // The leading team's report, approved by the supervision group, is published with the unit's report.
  await seedTeamAnalysis(deps, unit, who, true);
  await buildReport(deps, who.leader, unit.id);
  await submitReport(deps, who.leader, unit.id);
  const approved = await approveReport(deps, who.supervisor, unit.id, {
    scope: 'public',
    publishExcellent: true,
  });
  const day = (offset: number) => chinaDay(new Date(deps.now().getTime() + offset * 86_400_000));
  for (const m of script.measures) {
    const measure = await addMeasure(deps, who.leader, unit.id, {
      problemId: ids.get(m.problem) ?? '',
      action: m.action,
      post: m.post,
      deadline: day(m.deadline),
    });
    if (m.progress) await addProgress(deps, who.leader, unit.id, measure.id, m.progress);
  }
  return approved.token ?? '';
}
