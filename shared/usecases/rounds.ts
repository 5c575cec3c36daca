import { randomBytes } from 'node:crypto';
import { roundHasOpinions } from '../data/repos/opinions';
import {
  createRound,
  listRounds as roundsOf,
  saveForm,
  closeRound as storeClose,
} from '../data/repos/rounds';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { promisedBy } from '../domain/campaign';
import {
  type CustomQuestion,
  type Round,
  type RoundInput,
  type RoundView,
  roundState,
} from '../domain/round';
import { newWindow } from '../domain/time-window';
import { fail } from '../errors';
import { campaignOfUnit, roundFor, unitFor } from './access';

/** A round's public token: 16 random bytes (128 bits), base64url. */
export const newRoundToken = () => randomBytes(16).toString('base64url');

/** A round as the console and the API show it: with its public link and its state now. */
export function viewOf(deps: Deps, round: Round): RoundView {
  return {
    ...round,
    link: new URL(`/f/${round.id}`, deps.config.PUBLIC_BASE_URL).toString(),
    state: roundState(round, deps.now()),
  };
}

/**
 * A unit leader opens an opinion-collection round.
 * 0. The caller may collect for the unit.
 * 1. The window must end after it starts, and in the future.
 * 2. The round gets an unguessable token, the id of its public link.
 * 3. It is stored with form version 1 (the seed's questions plus the custom ones).
 */
export async function openRound(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: RoundInput,
): Promise<RoundView> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const campaign = await campaignOfUnit(deps, who, unit);
  const now = deps.now();
  const { opensAt, closesAt } = newWindow(now, input);
  const round: Round = {
    id: newRoundToken(),
    unitId: unit.id,
    campaignId: unit.campaignId,
    groupId: unit.groupId,
    unitName: unit.name,
    unitType: unit.type,
    opensAt,
    closesAt,
    form: { version: 1, questions: input.questions },
    createdAt: now.toISOString(),
    createdBy: who.username,
    promised: promisedBy(campaign),
  };
  await createRound(deps, who.username, round, campaign.settingsFrozenAt);
  return viewOf(deps, round);
}

/** Closes a round before its end time (the caller may collect for its unit); a closed round is a 409. */
export async function closeRound(deps: Deps, who: Principal, roundId: string): Promise<RoundView> {
  const round = await roundFor(deps, who, 'collect', roundId);
  if (roundState(round, deps.now()) === 'closed') throw fail('ROUND_CLOSED');
  const at = deps.now().toISOString();
  await storeClose(deps, who.username, round, at);
  return viewOf(deps, { ...round, closedEarlyAt: at });
}

/**
 * Replaces a round's custom questions.
 * 0. The caller may collect for the round's unit.
 * 1. A closed round's form no longer changes.
 * 2. If the current form has answers, the change becomes a new version (old
 *    answers keep the version they were given under); otherwise it is
 *    changed in place.
 */
export async function editForm(
  deps: Deps,
  who: Principal,
  roundId: string,
  questions: CustomQuestion[],
): Promise<RoundView> {
  const round = await roundFor(deps, who, 'collect', roundId);
  if (roundState(round, deps.now()) === 'closed') throw fail('ROUND_CLOSED');
  const answered = await roundHasOpinions(deps, round.id);
  const version = answered ? round.form.version + 1 : round.form.version;
  const updated = { ...round, form: { version, questions } };
  await saveForm(deps, who.username, updated, round.form.version);
  return viewOf(deps, updated);
}

/** One round with its link and state, for those who may read its unit. */
export async function roundView(deps: Deps, who: Principal, roundId: string): Promise<RoundView> {
  return viewOf(deps, await roundFor(deps, who, 'read', roundId));
}

/** A unit's rounds, newest first, for those who may read the unit. */
export async function listRounds(
  deps: Deps,
  who: Principal,
  unitId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: RoundView[]; nextCursor?: string }> {
  const unit = await unitFor(deps, who, 'read', unitId);
  const found = await roundsOf(deps, unit.id, page);
  return { ...found, items: found.items.map((r) => viewOf(deps, r)) };
}
