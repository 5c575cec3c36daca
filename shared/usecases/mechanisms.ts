import { newId } from '../data/ids';
import {
  getPractice,
  markPractice,
  mechanismsOf,
  practicesOf,
  practicesOfCampaign,
  putMechanism,
  putPractice,
} from '../data/repos/mechanisms';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { Mechanism, MechanismInput, Practice, PracticeInput } from '../domain/mechanism';
import { notFound } from '../errors';
import { allow, allows, campaignFor, officeResource, unitFor } from './access';

/** The long-term mechanisms the unit set up (anyone who may read the unit). */
export async function listMechanisms(deps: Deps, who: Principal, unitId: string): Promise<Mechanism[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return mechanismsOf(deps, unit.id);
}

/** The good practice the unit submitted (anyone who may read the unit). */
export async function listPractices(deps: Deps, who: Principal, unitId: string): Promise<Practice[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return practicesOf(deps, unit.id);
}

/** What the console's mechanisms page shows: the unit, its mechanisms and its practice. */
export async function mechanismsPage(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [mechanisms, practices] = await Promise.all([
    mechanismsOf(deps, unit.id),
    practicesOf(deps, unit.id),
  ]);
  return { unit, mechanisms, practices };
}

/** The unit records a long-term mechanism it set up (长效机制), by the seed's kinds. */
export async function addMechanism(deps: Deps, who: Principal, unitId: string, input: MechanismInput) {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const m: Mechanism = {
    ...input,
    id: newId(),
    unitId: unit.id,
    createdAt: deps.now().toISOString(),
    createdBy: who.username,
  };
  await putMechanism(deps, m);
  return m;
}

/** The unit submits good practice; it is listed for the office to consider as typical experience. */
export async function submitPractice(deps: Deps, who: Principal, unitId: string, input: PracticeInput) {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const p: Practice = {
    ...input,
    id: newId(),
    unitId: unit.id,
    unitName: unit.name,
    campaignId: unit.campaignId,
    submittedAt: deps.now().toISOString(),
    submittedBy: who.username,
  };
  await putPractice(deps, p);
  return p;
}

/**
 * The office marks a unit's practice as typical experience (典型经验), or
 * takes the mark back. Nobody else may (403, before anything is read).
 */
export async function markTypical(
  deps: Deps,
  who: Principal,
  unitId: string,
  practiceId: string,
  typical: boolean,
): Promise<Practice> {
  allow(who, 'manage', officeResource);
  const unit = await unitFor(deps, who, 'manage', unitId);
  const p = await getPractice(deps, unit.id, practiceId);
  if (!p) throw notFound('经验做法不存在');
  await markPractice(deps, who.username, p, typical);
  const { typical: _was, ...rest } = p;
  return typical ? { ...p, typical: { markedBy: who.username, markedAt: deps.now().toISOString() } } : rest;
}

/** The campaign a unit the caller may read belongs to (where its typical experience is listed). */
export async function campaignIdOfUnit(deps: Deps, who: Principal, unitId: string): Promise<string> {
  return (await unitFor(deps, who, 'read', unitId)).campaignId;
}

/** Typical experience of the campaign, for every unit to read. */
export async function typicalPractices(deps: Deps, who: Principal, campaignId: string) {
  const campaign = await campaignFor(deps, who, 'read', campaignId);
  return (await practicesOfCampaign(deps, campaign.id)).filter((p) => p.typical);
}

/** Every practice submitted in the campaign, for the office to choose the typical. */
export async function campaignPractices(deps: Deps, who: Principal, campaignId: string) {
  allow(who, 'read', officeResource);
  const campaign = await campaignFor(deps, who, 'read', campaignId);
  return practicesOfCampaign(deps, campaign.id);
}

/**
 * What the console's typical-experience page shows: the typical practice,
 * and, for the office, every practice submitted (read once for both).
 */
export async function typicalPage(deps: Deps, who: Principal, campaignId: string) {
  const campaign = await campaignFor(deps, who, 'read', campaignId);
  const all = await practicesOfCampaign(deps, campaign.id);
  const submitted = allows(who, 'read', officeResource) ? all : undefined;
  return { typical: all.filter((p) => p.typical), submitted };
}
