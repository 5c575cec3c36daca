import { newId } from '../data/ids';
import { getMeasure, openMeasuresOfGroup, putMeasure } from '../data/repos/measures';
import { getProblem, getReport } from '../data/repos/reports';
import { unitsOfGroup } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { chinaDay } from '../domain/china-day';
import type { Unit } from '../domain/org';
import {
  daysLate,
  isOverdue,
  type Measure,
  type MeasureChange,
  type MeasureInput,
  type ProgressInput,
} from '../domain/rectification';
import { conflict, notFound, validationError } from '../errors';

const target = (m: Measure) => `unit:${m.unitId}/measure:${m.id}`;

/**
 * The unit sets a measure against one of its problems (整改措施).
 * 1. Only once the analysis report is approved: the problem list is then final (409 before).
 * 2. The problem must be one of the unit's (400).
 * 3. It starts planned, with no progress; written with its audit record.
 */
export async function addMeasure(
  deps: Deps,
  who: Principal,
  unit: Unit,
  input: MeasureInput,
): Promise<Measure> {
  const report = await getReport(deps, unit.id);
  if (report?.state !== 'approved') {
    throw conflict('REPORT_NOT_APPROVED', '分析评议报告经督导组认可后，才能针对查摆出的问题制定整改措施');
  }
  if (!(await getProblem(deps, unit.id, input.problemId))) {
    throw validationError([{ path: 'problemId', message: '不是本单位查摆出的问题' }]);
  }
  const measure: Measure = {
    id: newId(),
    unitId: unit.id,
    ...input,
    state: 'planned',
    progress: [],
    updatedAt: deps.now().toISOString(),
    version: 1,
  };
  await putMeasure(deps, measure, unit.groupId, undefined, {
    actor: who.username,
    action: 'measure.create',
    target: target(measure),
    detail: { problemId: measure.problemId, post: measure.post, deadline: measure.deadline },
  });
  return measure;
}

async function existing(deps: Deps, unit: Unit, id: string) {
  const measure = await getMeasure(deps, unit.id, id);
  if (!measure) throw notFound('整改措施不存在');
  return measure;
}

/** Changes what is done, the post responsible or the deadline (a deadline moved is in the audit trail). */
export async function changeMeasure(
  deps: Deps,
  who: Principal,
  unit: Unit,
  id: string,
  change: MeasureChange,
): Promise<Measure> {
  const before = await existing(deps, unit, id);
  const measure: Measure = {
    ...before,
    ...change,
    updatedAt: deps.now().toISOString(),
    version: before.version + 1,
  };
  await putMeasure(deps, measure, unit.groupId, before, {
    actor: who.username,
    action: 'measure.update',
    target: target(measure),
    detail: { post: measure.post, deadline: measure.deadline, deadlineWas: before.deadline },
  });
  return measure;
}

/** Records dated progress and the state it leaves the measure in (done takes it off the overdue lists). */
export async function addProgress(
  deps: Deps,
  who: Principal,
  unit: Unit,
  id: string,
  input: ProgressInput,
): Promise<Measure> {
  const before = await existing(deps, unit, id);
  const now = deps.now();
  const measure: Measure = {
    ...before,
    state: input.state,
    progress: [...before.progress, { on: chinaDay(now), note: input.note, state: input.state }],
    updatedAt: now.toISOString(),
    version: before.version + 1,
  };
  await putMeasure(deps, measure, unit.groupId, before, {
    actor: who.username,
    action: 'measure.progress',
    target: target(measure),
    detail: { state: measure.state, stateWas: before.state },
  });
  return measure;
}

export interface OverdueMeasure {
  unitId: string;
  unitName: string;
  daysLate: number;
  measure: Measure;
}

/** The overdue measures of the given groups' units, the longest overdue first. */
export async function overdueMeasures(deps: Deps, groupIds: string[]): Promise<OverdueMeasure[]> {
  const today = chinaDay(deps.now());
  const perGroup = await Promise.all(
    groupIds.map(async (groupId) => {
      const [open, units] = await Promise.all([
        openMeasuresOfGroup(deps, groupId),
        unitsOfGroup(deps, groupId),
      ]);
      const names = new Map(units.map((u) => [u.id, u.name]));
      return open
        .filter((m) => isOverdue(m, today))
        .map((m) => ({
          unitId: m.unitId,
          unitName: names.get(m.unitId) ?? m.unitId,
          daysLate: daysLate(m, today),
          measure: m,
        }));
    }),
  );
  return perGroup
    .flat()
    .sort((a, b) => b.daysLate - a.daysLate || a.unitName.localeCompare(b.unitName, 'zh'));
}
