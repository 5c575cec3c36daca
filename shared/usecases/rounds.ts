import { randomBytes } from 'node:crypto';
import { roundHasOpinions } from '../data/repos/opinions';
import { closeRound, createRound, saveForm } from '../data/repos/rounds';
import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
import { type CustomQuestion, type Round, roundState } from '../domain/round';
import { conflict, validationError } from '../errors';

/** A round's public token: 16 random bytes (128 bits), base64url. */
export const newRoundToken = () => randomBytes(16).toString('base64url');

/**
 * A unit leader opens an opinion-collection round.
 * 1. The window must end after it starts, and in the future.
 * 2. The round gets an unguessable token, the id of its public link.
 * 3. It is stored with form version 1 (the seed's questions plus the custom ones).
 */
export async function openRound(
  deps: Deps,
  actor: string,
  unit: Unit,
  input: { opensAt?: string | undefined; closesAt: string; questions: CustomQuestion[] },
): Promise<Round> {
  const now = deps.now();
  const opensAt = new Date(input.opensAt ?? now).toISOString();
  const closesAt = new Date(input.closesAt).toISOString();
  if (closesAt <= opensAt) throw validationError([{ path: 'closesAt', message: '结束时间须晚于开始时间' }]);
  if (closesAt <= now.toISOString())
    throw validationError([{ path: 'closesAt', message: '结束时间须晚于现在' }]);
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
    createdBy: actor,
  };
  await createRound(deps, actor, round);
  return round;
}

/** Closes a round before its end time. */
export async function closeRoundEarly(deps: Deps, actor: string, round: Round): Promise<Round> {
  if (roundState(round, deps.now()) === 'closed') throw conflict('ALREADY_CLOSED', '该轮征求意见已经结束');
  const at = deps.now().toISOString();
  await closeRound(deps, actor, round, at);
  return { ...round, closedEarlyAt: at };
}

/**
 * Replaces a round's custom questions.
 * 1. A closed round's form no longer changes.
 * 2. If the current form has answers, the change becomes a new version (old
 *    answers keep the version they were given under); otherwise it is
 *    changed in place.
 */
export async function changeForm(
  deps: Deps,
  actor: string,
  round: Round,
  questions: CustomQuestion[],
): Promise<Round> {
  if (roundState(round, deps.now()) === 'closed') throw conflict('ROUND_CLOSED', '已结束的轮次不能修改表单');
  const answered = await roundHasOpinions(deps, round.id);
  const version = answered ? round.form.version + 1 : round.form.version;
  const updated = { ...round, form: { version, questions } };
  await saveForm(deps, actor, updated, round.form.version);
  return updated;
}
