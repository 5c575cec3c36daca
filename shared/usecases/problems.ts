import { newId } from '../data/ids';
import { allOpinions } from '../data/repos/opinions';
import { getProblem, problemsOf, putProblem } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { problemChanged } from '../domain/changed-meanwhile';
import { byWeight, type Problem, type ProblemChange } from '../domain/report';
import { refuseStale, versionOf } from '../domain/version';
import { notFound, validationError } from '../errors';
import { unitFor } from './access';

/** The unit's problem list, most gathered first. */
export async function listProblems(deps: Deps, who: Principal, unitId: string): Promise<Problem[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return byWeight(await problemsOf(deps, unit.id));
}

/**
 * The leader merges opinions into a problem (梳理归并), or changes one.
 * 0. The caller may collect for the unit.
 * 1. A change made from an older read (`input.version` not the problem's) is
 *    refused with 409 `PROBLEM_CHANGED`, saying what the problem is now; the
 *    write is conditional on the version read.
 * 2. Every merged opinion must be one of the unit's.
 * 3. Only while the unit's report is a draft (or not built): a submitted or
 *    approved report's problem list does not change (409).
 */
export async function saveProblem(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: ProblemChange,
  id?: string,
): Promise<Problem> {
  await unitFor(deps, who, 'collect', unitId);
  const before = id ? await getProblem(deps, unitId, id) : undefined;
  if (id && !before) throw notFound('问题不存在');
  const { version: readAt, ...what } = input;
  if (before) refuseStale(before, readAt, problemChanged);
  if (what.opinionRefs.length > 0) {
    const known = new Set((await allOpinions(deps, unitId)).map((o) => o.ref));
    const unknown = what.opinionRefs.filter((r) => !known.has(r));
    if (unknown.length > 0) {
      throw validationError([
        { path: 'opinionRefs', message: `不是本单位的意见：${unknown.slice(0, 3).join('、')}` },
      ]);
    }
  }
  const problem: Problem = {
    id: id ?? newId(),
    unitId,
    ...what,
    updatedAt: deps.now().toISOString(),
    version: versionOf(before) + 1,
  };
  await putProblem(deps, problem, before, {
    actor: who.username,
    action: id ? 'problem.update' : 'problem.create',
    target: `unit:${unitId}/problem:${problem.id}`,
    detail: { title: problem.title, area: problem.area, opinions: problem.opinionRefs.length },
  });
  return problem;
}
