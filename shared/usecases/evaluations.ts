import { createEvaluation, evaluationPending, evaluationsOf } from '../data/repos/evaluations';
import { measuresOf } from '../data/repos/measures';
import { problemsOf } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { promisedBy } from '../domain/campaign';
import type { Evaluation, EvaluationInput } from '../domain/evaluation';
import { newWindow } from '../domain/time-window';
import { fail } from '../errors';
import { campaignFor, campaignOfUnit, evaluationFor, unitFor } from './access';
import { confirmCounting, reconcileVote } from './counting';
import { newRoundToken } from './rounds';
import { closeVoteEarly } from './vote-codes';

/**
 * The unit opens a satisfaction evaluation of its rectification (群众满意度测评).
 * 0. The caller may collect for the unit.
 * 1. Only in 整改提高, and only when measures have been set (409).
 * 2. Not while another of its evaluations is still uncounted (409).
 * 3. The measures are put to the masses as they stand now, under their problems.
 * 4. Its id is a 128-bit token: the public link of a link evaluation.
 */
export async function openEvaluation(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: EvaluationInput,
): Promise<Evaluation> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const actor = who.username;
  if (unit.stage !== 'rectification') {
    throw fail('WRONG_STAGE', '整改提高', '开展群众满意度测评');
  }
  const [measures, problems, earlier, campaign] = await Promise.all([
    measuresOf(deps, unit.id),
    problemsOf(deps, unit.id),
    evaluationsOf(deps, unit.id),
    campaignOfUnit(deps, who, unit),
  ]);
  if (measures.length === 0) throw fail('NO_MEASURES');
  // Also refused inside the opening transaction (the unit's pendingEvaluation); this read
  // covers evaluations opened before the unit carried the marker.
  if (unit.pendingEvaluation || earlier.some((e) => !e.countedAt)) throw evaluationPending();
  const now = deps.now();
  const { opensAt, closesAt } = newWindow(now, input);
  const titles = new Map(problems.map((p) => [p.id, p.title]));
  const evaluation: Evaluation = {
    id: newRoundToken(),
    unitId: unit.id,
    campaignId: unit.campaignId,
    groupId: unit.groupId,
    unitName: unit.name,
    mode: input.mode,
    items: measures.map((m) => ({
      measureId: m.id,
      problem: titles.get(m.problemId) ?? '',
      action: m.action,
      post: m.post,
      deadline: m.deadline,
    })),
    due: { member: unit.membersDue, mass: unit.massRepresentativesDue },
    paperIssued: { member: 0, mass: 0 },
    paperEntries: 0,
    promised: promisedBy(campaign),
    opensAt,
    closesAt,
    createdAt: now.toISOString(),
    createdBy: actor,
  };
  await createEvaluation(deps, actor, evaluation, campaign.settingsFrozenAt);
  return evaluation;
}

/** Closes an evaluation before its end time, by whoever collects for its unit (see `closeVoteEarly`). */
export async function closeEvaluationEarly(deps: Deps, who: Principal, id: string): Promise<Evaluation> {
  const e = await evaluationFor(deps, who, 'collect', id);
  return closeVoteEarly(deps, who.username, 'evaluation', e);
}

/**
 * The supervision group (or the office) counts a closed evaluation that had
 * no paper slips: the vote module's confirmation with no unresolved slip
 * (see `confirmCounting`). Evaluations with codes decide the unit's 补课; a
 * poll by open link is counted a minute after it closed and decides nothing.
 */
export const countEvaluation = (deps: Deps, who: Principal, id: string): Promise<Evaluation> =>
  confirmCounting(deps, who, 'evaluation', id, []);

/** The unit's evaluations, newest first (anyone who may read the unit). */
export async function listEvaluations(deps: Deps, who: Principal, unitId: string): Promise<Evaluation[]> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return evaluationsOf(deps, unit.id);
}

/** One evaluation, with its sealed results once counted (anyone who may read its unit). */
export const evaluationOf = (deps: Deps, who: Principal, id: string): Promise<Evaluation> =>
  evaluationFor(deps, who, 'read', id);

/**
 * What the console's evaluations page shows: the unit, its evaluations, how
 * many measures it has set, and the campaign's 满意率 threshold.
 */
export async function evaluationsPage(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [evaluations, measures, campaign] = await Promise.all([
    evaluationsOf(deps, unit.id),
    measuresOf(deps, unit.id),
    campaignOfUnit(deps, who, unit),
  ]);
  return {
    unit,
    evaluations,
    measures: measures.length,
    threshold: campaign.settings.satisfactionThreshold,
  };
}

/**
 * What the console's page of one evaluation shows: the evaluation, its live
 * reconciliation (codes, paper slips, tellers' entries) and the campaign's threshold.
 */
export async function evaluationPage(deps: Deps, who: Principal, id: string) {
  const evaluation = await evaluationFor(deps, who, 'read', id);
  const { settings } = await campaignFor(deps, who, 'read', evaluation.campaignId);
  const reconciliation = await reconcileVote(deps, 'evaluation', evaluation, settings.quorum);
  return { evaluation, reconciliation, threshold: settings.satisfactionThreshold };
}
