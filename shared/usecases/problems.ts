import { newId } from '../data/ids';
import { allOpinions } from '../data/repos/opinions';
import { problemsOf, writeProblems } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { problemChanged } from '../domain/changed-meanwhile';
import { byWeight, type Problem, type ProblemChange, type ProblemInput } from '../domain/report';
import { refuseStale, versionOf } from '../domain/version';
import { notFound, validationError } from '../errors';
import { unitFor } from './access';

/** The unit's problem list, most gathered first. */
export async function listProblems(deps: Deps, who: Principal, unitId: string): Promise<Problem[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return byWeight(await problemsOf(deps, unit.id));
}

/** The unit's problems for a change, and the one named (404 when it is not the unit's). */
async function problemsFor(deps: Deps, who: Principal, unitId: string, id?: string) {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const problems = await problemsOf(deps, unit.id);
  const before = id ? problems.find((p) => p.id === id) : undefined;
  if (id && !before) throw notFound('问题不存在');
  return { unit, problems, before };
}

const version = (p: Problem | undefined) => versionOf(p) + 1;

/**
 * The leader merges opinions into a problem (梳理归并), or changes one:
 * renames it, changes its area, or moves opinions in or out.
 * 0. The caller may collect for the unit.
 * 1. A change made from an older read (`input.version` not the problem's) is
 *    refused with 409 `PROBLEM_CHANGED`, saying what the problem is now; the
 *    write is conditional on the version read.
 * 2. Every merged opinion must be one of the unit's.
 * 3. An opinion belongs to one problem: merged here, it leaves the problem it
 *    was in (a move; splitting a problem is a new one taking some of its
 *    opinions), in the same transaction.
 * 4. Only while the unit's report is a draft (or not built): a submitted or
 *    approved report's problem list does not change (409).
 */
export async function saveProblem(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: ProblemChange,
  id?: string,
): Promise<Problem> {
  const { unit, problems, before } = await problemsFor(deps, who, unitId, id);
  const { version: readAt, ...what } = input;
  if (before) refuseStale(before, readAt, problemChanged);
  if (what.opinionRefs.length > 0) {
    const known = new Set((await allOpinions(deps, unit.id)).map((o) => o.ref));
    const unknown = what.opinionRefs.filter((r) => !known.has(r));
    if (unknown.length > 0) {
      throw validationError([
        { path: 'opinionRefs', message: `不是本单位的意见：${unknown.slice(0, 3).join('、')}` },
      ]);
    }
  }
  const now = deps.now().toISOString();
  const problem: Problem = {
    id: id ?? newId(),
    unitId: unit.id,
    ...what,
    updatedAt: now,
    version: version(before),
  };
  const taken = new Set(what.opinionRefs);
  const left = problems
    .filter((p) => p.id !== problem.id && p.opinionRefs.some((r) => taken.has(r)))
    .map((p) => ({
      problem: {
        ...p,
        opinionRefs: p.opinionRefs.filter((r) => !taken.has(r)),
        updatedAt: now,
        version: version(p),
      },
      previous: p,
    }));
  if (left.length > 90) {
    throw validationError([{ path: 'opinionRefs', message: '一次从太多问题中移出意见，请分几次归并' }]);
  }
  await writeProblems(
    deps,
    unit.id,
    { put: [{ problem, previous: before }, ...left] },
    {
      actor: who.username,
      action: id ? 'problem.update' : 'problem.create',
      target: `unit:${unit.id}/problem:${problem.id}`,
      detail: {
        title: problem.title,
        area: problem.area,
        opinions: problem.opinionRefs.length,
        ...(before && before.title !== problem.title ? { titleWas: before.title } : {}),
        ...(left.length > 0 ? { movedFrom: left.map((l) => l.previous.title) } : {}),
      },
    },
  );
  return problem;
}

/**
 * The console's 归并: the opinions ticked go into a new problem, or into one
 * already on the list (moving them from wherever they were). Nothing ticked
 * is refused: it would make an empty problem.
 */
export async function mergeOpinions(
  deps: Deps,
  who: Principal,
  unitId: string,
  refs: string[],
  into: { problemId: string; version?: number | undefined } | ProblemInput,
): Promise<Problem> {
  if (refs.length === 0) throw validationError([{ path: 'opinionRefs', message: '请先勾选要归并的意见' }]);
  if ('title' in into) return saveProblem(deps, who, unitId, { ...into, opinionRefs: refs });
  const { before } = await problemsFor(deps, who, unitId, into.problemId);
  if (!before) throw notFound('问题不存在');
  const change = {
    title: before.title,
    area: before.area,
    opinionRefs: [...new Set([...before.opinionRefs, ...refs])],
    version: into.version ?? versionOf(before),
  };
  return saveProblem(deps, who, unitId, change, before.id);
}

/**
 * Deletes a problem from the draft list (its opinions are unmerged again),
 * from the version read; with its audit record. Refused like a change once
 * the report is submitted or approved.
 */
export async function deleteProblem(
  deps: Deps,
  who: Principal,
  unitId: string,
  id: string,
  readAt: number | undefined,
): Promise<void> {
  const { unit, before } = await problemsFor(deps, who, unitId, id);
  if (!before) throw notFound('问题不存在');
  refuseStale(before, readAt, problemChanged);
  await writeProblems(
    deps,
    unit.id,
    { put: [], remove: [before] },
    {
      actor: who.username,
      action: 'problem.delete',
      target: `unit:${unit.id}/problem:${id}`,
      detail: { title: before.title, opinions: before.opinionRefs.length },
    },
  );
}
