import { randomBytes } from 'node:crypto';
import { getUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
import { closeEvaluationEarly, countEvaluation, openEvaluation } from '../usecases/evaluations';
import { decideStageChange, requestStageChange } from '../usecases/stage-change';
import { castBallot } from '../usecases/vote-cast';
import { mintCodes } from '../usecases/vote-codes';
import type { DemoActors } from './report';
import type { DemoScript } from './scripts';

/** Moves a demo unit one stage on the way people do: the leader asks, the supervision group approves. */
export async function advanceStage(deps: Deps, unitId: string, who: DemoActors, note: string): Promise<Unit> {
  const unit = await getUnit(deps, unitId);
  if (!unit) throw new Error(`demo unit ${unitId} is missing`);
  await requestStageChange(deps, who.leader, unit.id, note);
  const asked = await getUnit(deps, unitId);
  if (!asked) throw new Error(`demo unit ${unitId} is missing`);
  await decideStageChange(deps, who.supervisor, asked.id, true, '同意');
  return (await getUnit(deps, unitId)) ?? asked;
}

/**
 * The masses' satisfaction evaluation of a demo unit's rectification, run
 * as at a meeting: codes minted for the mass representatives, each cast
 * once, the evaluation closed, and counted by the supervision group.
 */
export async function seedEvaluation(deps: Deps, unit: Unit, who: DemoActors, script: DemoScript) {
  const closesAt = new Date(deps.now().getTime() + 7 * 86_400_000).toISOString();
  const evaluation = await openEvaluation(deps, who.leader, unit.id, { mode: 'codes', closesAt });
  const answers = script.evaluation.flatMap(([n, overall, each]) =>
    Array.from({ length: n }, () => [overall, each]),
  );
  const by = {
    actor: who.leader.username,
    target: `unit:${unit.id}/evaluation:${evaluation.id}`,
    kind: 'evaluation' as const,
  };
  const { codes } = await mintCodes(deps, by, evaluation, { voterGroup: 'mass', count: answers.length });
  for (const [i, [overall, each]] of answers.entries()) {
    const measures = Object.fromEntries(evaluation.items.map((item) => [item.measureId, each]));
    await castBallot(deps, 'evaluation', evaluation, {
      code: codes[i]?.replace(/-/g, '') ?? '',
      voterGroup: 'mass',
      requestToken: randomBytes(16).toString('base64url'),
      marks: { overall, measures },
    });
  }
  await closeEvaluationEarly(deps, who.leader, evaluation.id);
  return countEvaluation(deps, who.supervisor, evaluation.id);
}
