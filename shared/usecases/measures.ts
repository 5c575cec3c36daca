import { newId } from '../data/ids';
import { evaluationsOf } from '../data/repos/evaluations';
import { getMeasure, measuresOf, putMeasure, removeMeasure } from '../data/repos/measures';
import { memberMeasuresOf } from '../data/repos/member-measures';
import { atLogHead } from '../data/repos/publication-log';
import { getProblem, getReport, problemsOf } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { AuditEntry } from '../domain/audit';
import type { Unit } from '../domain/org';
import {
  type Measure,
  type MeasureChange,
  type MeasureInput,
  measureChanged,
  type ProgressInput,
  withProgress,
} from '../domain/rectification';
import { byWeight } from '../domain/report';
import { refuseStale } from '../domain/version';
import { fail, notFound, validationError } from '../errors';
import { unitFor } from './access';
import { rectificationEntry } from './rectification-log';

const target = (m: Measure) => `unit:${m.unitId}/measure:${m.id}`;

/**
 * Writes a measure with its audit record and, since the disclosure shows it,
 * the publication log's entry for the rectification section it changes.
 */
const logged = (
  deps: Deps,
  measure: Measure,
  unit: Unit,
  before: Measure | undefined,
  audit: Omit<AuditEntry, 'id' | 'at'>,
) =>
  atLogHead(deps, unit.campaignId, async (head) =>
    putMeasure(
      deps,
      measure,
      unit,
      before,
      audit,
      await rectificationEntry(deps, head, unit.id, { measure }),
    ),
  );

/** The unit's measures with their progress (anyone who may read the unit). */
export async function listMeasures(deps: Deps, who: Principal, unitId: string): Promise<Measure[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return measuresOf(deps, unit.id);
}

/**
 * What the console's measures page shows: the unit, its problems, their
 * measures, the measures of its members' approved 党性分析 materials, and
 * whether the report is approved.
 */
export async function measuresPage(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [problems, measures, memberMeasures, report] = await Promise.all([
    problemsOf(deps, unit.id),
    measuresOf(deps, unit.id),
    memberMeasuresOf(deps, unit.id),
    getReport(deps, unit.id),
  ]);
  return {
    unit,
    problems: byWeight(problems),
    measures,
    memberMeasures,
    approved: report?.state === 'approved',
  };
}

/**
 * The unit sets a measure against one of its problems (整改措施).
 * 0. The caller may collect for the unit.
 * 1. Only once the analysis report is approved: the problem list is then final (409 before).
 * 2. The problem must be one of the unit's (400).
 * 3. It starts planned, with no progress; written with its audit record.
 */
export async function addMeasure(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: MeasureInput,
): Promise<Measure> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const report = await getReport(deps, unit.id);
  if (report?.state !== 'approved') {
    throw fail('REPORT_NOT_APPROVED', '针对查摆出的问题制定整改措施');
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
  await logged(deps, measure, unit, undefined, {
    actor: who.username,
    action: 'measure.create',
    target: target(measure),
    detail: { problemId: measure.problemId, post: measure.post, deadline: measure.deadline },
  });
  return measure;
}

/**
 * The measure a change is made to, for a caller who may collect for its
 * unit; one read at another version than the change names is refused (409).
 */
async function measureFor(deps: Deps, who: Principal, unitId: string, id: string, readAt?: number) {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const measure = await getMeasure(deps, unit.id, id);
  if (!measure) throw notFound('整改措施不存在');
  refuseStale(measure, readAt, () => measureChanged(measure));
  return { unit, before: measure };
}

/**
 * Changes what is done, the post responsible or the deadline (a deadline
 * moved is in the audit trail). Made from a stale read (`change.version`
 * older than the stored one) it is refused with 409 `MEASURE_CHANGED` and
 * changes nothing; the write is conditional on the version read.
 */
export async function changeMeasure(
  deps: Deps,
  who: Principal,
  unitId: string,
  id: string,
  change: MeasureChange,
): Promise<Measure> {
  const { version: readAt, ...what } = change;
  const { unit, before } = await measureFor(deps, who, unitId, id, readAt);
  const measure: Measure = {
    ...before,
    ...what,
    updatedAt: deps.now().toISOString(),
    version: before.version + 1,
  };
  await logged(deps, measure, unit, before, {
    actor: who.username,
    action: 'measure.update',
    target: target(measure),
    detail: { post: measure.post, deadline: measure.deadline, deadlineWas: before.deadline },
  });
  return measure;
}

/**
 * Records dated progress and the state it leaves the measure in (done takes
 * it off the overdue lists); from a stale read it is refused like a change.
 */
export async function addProgress(
  deps: Deps,
  who: Principal,
  unitId: string,
  id: string,
  input: ProgressInput,
): Promise<Measure> {
  const { unit, before } = await measureFor(deps, who, unitId, id, input.version);
  const measure = withProgress(before, input, deps.now());
  await logged(deps, measure, unit, before, {
    actor: who.username,
    action: 'measure.progress',
    target: target(measure),
    detail: { state: measure.state, stateWas: before.state },
  });
  return measure;
}

/**
 * Deletes a measure set by mistake, from the version read: only while no
 * satisfaction evaluation has put it to the masses (409 `MEASURE_EVALUATED`
 * after; then it is part of what they rated). The disclosure's
 * rectification section loses it as a new entry of the publication log.
 */
export async function deleteMeasure(
  deps: Deps,
  who: Principal,
  unitId: string,
  id: string,
  readAt: number | undefined,
): Promise<void> {
  const { unit, before } = await measureFor(deps, who, unitId, id, readAt);
  const evaluations = await evaluationsOf(deps, unit.id);
  if (evaluations.some((e) => e.items.some((i) => i.measureId === id))) throw fail('MEASURE_EVALUATED');
  await atLogHead(deps, unit.campaignId, async (head) =>
    removeMeasure(
      deps,
      before,
      {
        actor: who.username,
        action: 'measure.delete',
        target: target(before),
        detail: { action: before.action, post: before.post, deadline: before.deadline },
      },
      await rectificationEntry(deps, head, unit.id, { removed: id }),
    ),
  );
}
