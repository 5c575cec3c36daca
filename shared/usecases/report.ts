import { ballotsOf } from '../data/repos/ballot-box';
import { determinationsOf } from '../data/repos/determinations';
import { getOpinionCounts } from '../data/repos/opinion-aggregates';
import { getReport, moveReport, problemsOf, putDraft } from '../data/repos/reports';
import { getSelfAnalysis } from '../data/repos/self-analyses';
import { allSessions, getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { hashOf } from '../domain/canonical-json';
import type { Counts } from '../domain/opinion-aggregate';
import { publishedReview } from '../domain/published-review';
import {
  assertMove,
  builtFromOtherProblems,
  byWeight,
  type Published,
  publishedProblems,
  type Report,
} from '../domain/report';
import { Ballot } from '../domain/review';
import { ResultsView } from '../domain/review-views';
import { teamAnalysisId } from '../domain/self-analysis';
import { fail, notFound } from '../errors';
import { campaignOfUnit, unitFor } from './access';
import { recountOpinions, summaryOf } from './summarize-opinions';

/** The SHA-256 of what is published: hex of its canonical JSON, which `npm run verify` recomputes. */
export const publishedHash = (p: Published) => hashOf(p);

/** How far the live counts drifted from the exact recount (sum of absolute differences). */
export function drift(live: Counts, exact: Counts): number {
  const names = new Set([...Object.keys(live), ...Object.keys(exact)]);
  let d = 0;
  for (const n of names) d += Math.abs((live[n] ?? 0) - (exact[n] ?? 0));
  return d;
}

/** The counted review sessions of a unit, as published: satisfaction, determined counts, receipts; no member by name. */
async function publishedReviews(deps: Deps, unitId: string, k: number): Promise<Published['reviews']> {
  const counted = (await allSessions(deps, unitId)).filter((s) => s.countedAt);
  return Promise.all(
    counted.map(async (s) => {
      const [sealed, determinations, ballots] = await Promise.all([
        getSealedResults(deps, s.id),
        determinationsOf(deps, s.id),
        ballotsOf(deps, s.id, Ballot),
      ]);
      const tally = ResultsView.shape.tally.parse(sealed?.tally);
      const receipts = ballots.map((b) => b.receipt).sort();
      return publishedReview({ id: s.id, countedAt: s.countedAt ?? '' }, tally, determinations, receipts, k);
    }),
  );
}

/**
 * Builds (or rebuilds) the unit's draft report, freezing its figures.
 * 0. The caller may collect for the unit; k is the campaign's; the unit is
 *    in 分析评议 or later (409 `WRONG_STAGE` in 学习动员).
 * 1. Opinions are recounted exactly from the stored items (paged Query) and
 *    compared with the live counts; a drift is logged with its size.
 * 2. Every count is suppressed below k; problems come most gathered first.
 * 3. Counted review sessions join with their sealed tally, the organisation's
 *    determinations and the receipts of counted online ballots; the leading
 *    team's 领导班子分析检查报告 joins once the supervision group approved it.
 * 4. The whole is stored with the SHA-256 of its canonical JSON (audited).
 */
export async function buildReport(deps: Deps, who: Principal, unitId: string): Promise<Report> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  // The analysis report belongs to 分析评议: not while the unit is still in 学习动员.
  if (unit.stage === 'study') throw fail('WRONG_STAGE', '分析评议', '生成分析评议报告');
  const k = (await campaignOfUnit(deps, who, unit)).settings.anonymityK;
  assertMove('build', await getReport(deps, unit.id));
  const [live, exact, problems, reviews, team] = await Promise.all([
    getOpinionCounts(deps, unit.id),
    recountOpinions(deps, unit.id),
    problemsOf(deps, unit.id),
    publishedReviews(deps, unit.id, k),
    getSelfAnalysis(deps, teamAnalysisId(unit.id)),
  ]);
  const drifted = drift(live, exact);
  if (drifted > 0) deps.log.warn('live opinion counts drifted from the recount', { drift: drifted });
  const now = deps.now().toISOString();
  const published: Published = {
    unit: { id: unit.id, name: unit.name, type: unit.type },
    k,
    frozenAt: now,
    opinions: (({ k: _k, days: _d, ...s }) => s)(summaryOf(exact, unit.type, k)),
    problems: publishedProblems(problems, k),
    reviews,
    ...(team?.state === 'approved' && team.approvedAt && team.sha256
      ? { teamAnalysis: { content: team.content, approvedAt: team.approvedAt, sha256: team.sha256 } }
      : {}),
  };
  const report: Report = {
    unitId: unit.id,
    campaignId: unit.campaignId,
    groupId: unit.groupId,
    state: 'draft',
    published,
    sha256: publishedHash(published),
    builtBy: who.username,
    builtAt: now,
  };
  await putDraft(deps, report, {
    actor: who.username,
    action: 'report.build',
    target: `unit:${unit.id}/report`,
    detail: { sha256: report.sha256, drift: drifted },
  });
  return report;
}

export async function currentReport(deps: Deps, unitId: string) {
  const report = await getReport(deps, unitId);
  if (!report) throw notFound('还没有生成分析评议报告');
  return report;
}

/** The unit's report, for those who may read the unit. */
export async function reportOf(deps: Deps, who: Principal, unitId: string): Promise<Report> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return currentReport(deps, unit.id);
}

/** What the console's report page shows: the unit, its problem list and its report if built. */
export async function reportPage(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [problems, report] = await Promise.all([problemsOf(deps, unit.id), getReport(deps, unit.id)]);
  return { unit, problems: byWeight(problems), report };
}

/** The unit sends its draft to the supervision group, as built from the problem list as it stands. */
export async function submitReport(deps: Deps, who: Principal, unitId: string): Promise<Report> {
  await unitFor(deps, who, 'collect', unitId);
  const [report, problems] = await Promise.all([currentReport(deps, unitId), problemsOf(deps, unitId)]);
  assertMove('submit', report);
  // What goes to the supervision group is what the leader previewed: never a list changed since.
  if (builtFromOtherProblems(report, problems)) throw fail('REPORT_STALE');
  const set = {
    state: 'submitted' as const,
    submittedBy: who.username,
    submittedAt: deps.now().toISOString(),
  };
  await moveReport(deps, 'submit', report, set, {
    actor: who.username,
    action: 'report.submit',
    target: `unit:${unitId}/report`,
    detail: { sha256: report.sha256 },
  });
  return { ...report, ...set };
}

/** The supervision group sends a submitted report back with its comments; it is a draft again. */
export async function returnReport(
  deps: Deps,
  who: Principal,
  unitId: string,
  comment: string,
): Promise<Report> {
  await unitFor(deps, who, 'decideStage', unitId);
  const report = await currentReport(deps, unitId);
  assertMove('return', report);
  const set = {
    state: 'draft' as const,
    returnedBy: who.username,
    returnedAt: deps.now().toISOString(),
    returnComment: comment,
  };
  await moveReport(deps, 'return', report, set, {
    actor: who.username,
    action: 'report.return',
    target: `unit:${unitId}/report`,
    detail: { comment },
  });
  return { ...report, ...set };
}
