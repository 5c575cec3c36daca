import { getMemberMeasure, memberMeasuresOf, putMemberMeasure } from '../data/repos/member-measures';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { type MemberMeasure, memberMeasureChanged } from '../domain/member-measure';
import { type ProgressInput, withProgress } from '../domain/rectification';
import { refuseStale } from '../domain/version';
import { notFound } from '../errors';
import { unitFor } from './access';

/** The measures of the unit's approved 党性分析 materials, with their progress (anyone who may read the unit). */
export async function listMemberMeasures(
  deps: Deps,
  who: Principal,
  unitId: string,
): Promise<MemberMeasure[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return memberMeasuresOf(deps, unit.id);
}

/**
 * Records dated progress on a member's measure and the state it leaves it in,
 * as for the unit's own measures: by whoever may collect for the unit, from
 * the version read (409 `MEASURE_CHANGED` from a stale page), with its audit
 * record. The measure's text and deadline are the approved material's and do
 * not change.
 */
export async function addMemberProgress(
  deps: Deps,
  who: Principal,
  unitId: string,
  id: string,
  input: ProgressInput,
): Promise<MemberMeasure> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const before = await getMemberMeasure(deps, unit.id, id);
  if (!before) throw notFound('整改措施不存在');
  refuseStale(before, input.version, () => memberMeasureChanged(before));
  const next = withProgress(before, input, deps.now());
  await putMemberMeasure(deps, next, {
    actor: who.username,
    action: 'member-measure.progress',
    target: `unit:${unit.id}/member-measure:${id}`,
    detail: { memberName: before.memberName, state: next.state, stateWas: before.state },
  });
  return next;
}
