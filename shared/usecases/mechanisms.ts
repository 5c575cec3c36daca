import { newId } from '../data/ids';
import { getPractice, markPractice, putMechanism, putPractice } from '../data/repos/mechanisms';
import type { Deps } from '../deps';
import type { Mechanism, MechanismInput, Practice, PracticeInput } from '../domain/mechanism';
import type { Unit } from '../domain/org';
import { notFound } from '../errors';

/** The unit records a long-term mechanism it set up (长效机制), by the seed's kinds. */
export async function addMechanism(deps: Deps, actor: string, unit: Unit, input: MechanismInput) {
  const m: Mechanism = {
    ...input,
    id: newId(),
    unitId: unit.id,
    createdAt: deps.now().toISOString(),
    createdBy: actor,
  };
  await putMechanism(deps, m);
  return m;
}

/** The unit submits good practice; it is listed for the office to consider as typical experience. */
export async function submitPractice(deps: Deps, actor: string, unit: Unit, input: PracticeInput) {
  const p: Practice = {
    ...input,
    id: newId(),
    unitId: unit.id,
    unitName: unit.name,
    campaignId: unit.campaignId,
    submittedAt: deps.now().toISOString(),
    submittedBy: actor,
  };
  await putPractice(deps, p);
  return p;
}

/** The office marks a unit's practice as typical experience (典型经验), or takes the mark back. */
export async function markTypical(
  deps: Deps,
  actor: string,
  unit: Unit,
  practiceId: string,
  typical: boolean,
) {
  const p = await getPractice(deps, unit.id, practiceId);
  if (!p) throw notFound('经验做法不存在');
  await markPractice(deps, actor, p, typical);
  const { typical: _was, ...rest } = p;
  return typical ? { ...p, typical: { markedBy: actor, markedAt: deps.now().toISOString() } } : rest;
}
