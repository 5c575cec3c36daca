import type { Deps } from '../../deps';
import { Round } from '../../domain/round';
import { notClosed } from '../../domain/time-window';
import { fail, notFound } from '../../errors';
import { withCondition } from '../condition-expression';
import { accessPatterns, keys } from '../keys';
import { type PageRequest, queryPage } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { freezeSettings } from './campaigns';
import { getItem } from './get-item';

export const getRound = (deps: Deps, id: string) => getItem(deps, keys.round(id), Round);

/** A round as stored, with its listing keys. */
export const roundRecord = (round: Round) => ({
  ...keys.round(round.id),
  ...keys.roundListing(round.unitId, round.createdAt, round.id),
  ...round,
});

/** The round's current form version, kept because opinions refer to it. */
export const formRecord = (round: Round) => ({
  ...keys.formVersion(round.id, round.form.version),
  roundId: round.id,
  ...round.form,
});

const formItem = (tableName: string, round: Round): TransactItem => ({
  Put: { TableName: tableName, Item: formRecord(round) },
});

/** Stores a new round and its first form version. */
export async function createRound(deps: Deps, actor: string, round: Round, frozenAt?: string) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: roundRecord(round),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      formItem(deps.tableName, round),
      ...freezeSettings(
        deps.tableName,
        { id: round.campaignId, settingsFrozenAt: frozenAt },
        round.createdAt,
      ),
    ],
    {
      actor,
      action: 'round.open',
      target: `unit:${round.unitId}/round:${round.id}`,
      detail: { opensAt: round.opensAt, closesAt: round.closesAt, questions: round.form.questions.length },
    },
    () => fail('EXISTS', '征求意见轮次'),
  );
}

/** Closes a round early; a round closed already stays as it was. */
export async function closeRound(deps: Deps, actor: string, round: Round, at: string) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.round(round.id),
          UpdateExpression: 'SET closedEarlyAt = :at',
          ...withCondition(notClosed(new Date(at)), { values: { ':at': at } }),
        },
      },
    ],
    { actor, action: 'round.close', target: `unit:${round.unitId}/round:${round.id}` },
    () => fail('ROUND_CLOSED'),
  );
}

/** Replaces the round's current form (in place, or as a new version), if nobody changed it meanwhile. */
export async function saveForm(deps: Deps, actor: string, round: Round, previousVersion: number) {
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.round(round.id),
          UpdateExpression: 'SET form = :f',
          ConditionExpression: 'form.version = :v',
          ExpressionAttributeValues: { ':f': round.form, ':v': previousVersion },
        },
      },
      formItem(deps.tableName, round),
    ],
    {
      actor,
      action: 'round.form',
      target: `unit:${round.unitId}/round:${round.id}`,
      detail: { version: round.form.version, questions: round.form.questions.map((q) => q.label) },
    },
    () => (previousVersion ? fail('CHANGED_MEANWHILE', '表单') : notFound()),
  );
}

/** A unit's opinion-collection rounds, newest first. */
export const listRounds = (deps: Deps, unitId: string, page: PageRequest) =>
  queryPage(deps, accessPatterns.roundsOfUnit(unitId), Round, page);
