import { randomBytes } from 'node:crypto';
import { ballotsOf } from '../data/repos/ballot-box';
import { determinationsOf } from '../data/repos/determinations';
import { getOpinionCounts } from '../data/repos/opinion-aggregates';
import { atLogHead } from '../data/repos/publication-log';
import { getReport, moveReport, problemsOf, putDraft } from '../data/repos/reports';
import { allSessions, getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { hashOf } from '../domain/canonical-json';
import type { Counts } from '../domain/opinion-aggregate';
import { nextEntry } from '../domain/publication-log';
import { publishedReview } from '../domain/published-review';
import { assertMove, byWeight, type DisclosureScope, type Published, type Report } from '../domain/report';
import { Ballot } from '../domain/review';
import { ResultsView } from '../domain/review-views';
import { belowK } from '../domain/suppress';
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

/** The names of the unit's members the organisation determined 优秀, for an approver who opts in to publish them. */
async function excellentNames(deps: Deps, unitId: string): Promise<string[]> {
  const counted = (await allSessions(deps, unitId)).filter((s) => s.countedAt);
  const names = await Promise.all(
    counted.map(async (s) => {
      const byId = new Map(s.members.map((m) => [m.id, m.name]));
      const determined = await determinationsOf(deps, s.id);
      return determined.filter((d) => d.grade === 'excellent').map((d) => byId.get(d.memberId) ?? '');
    }),
  );
  return [...new Set(names.flat().filter(Boolean))];
}

/**
 * Builds (or rebuilds) the unit's draft report, freezing its figures.
 * 0. The caller may collect for the unit; k is the campaign's.
 * 1. Opinions are recounted exactly from the stored items (paged Query) and
 *    compared with the live counts; a drift is logged with its size.
 * 2. Every count is suppressed below k; problems come most gathered first.
 * 3. Counted review sessions join with their sealed tally, the organisation's
 *    determinations and the receipts of counted online ballots.
 * 4. The whole is stored with the SHA-256 of its canonical JSON (audited).
 */
export async function buildReport(deps: Deps, who: Principal, unitId: string): Promise<Report> {
  const unit = await unitFor(deps, who, 'collect', unitId);
  const k = (await campaignOfUnit(deps, who, unit)).settings.anonymityK;
  assertMove('build', await getReport(deps, unit.id));
  const [live, exact, problems, reviews] = await Promise.all([
    getOpinionCounts(deps, unit.id),
    recountOpinions(deps, unit.id),
    problemsOf(deps, unit.id),
    publishedReviews(deps, unit.id, k),
  ]);
  const drifted = drift(live, exact);
  if (drifted > 0) deps.log.warn('live opinion counts drifted from the recount', { drift: drifted });
  const now = deps.now().toISOString();
  const published: Published = {
    unit: { id: unit.id, name: unit.name, type: unit.type },
    k,
    frozenAt: now,
    opinions: (({ k: _k, days: _d, ...s }) => s)(summaryOf(exact, unit.type, k)),
    problems: byWeight(problems).map((p) => {
      const n = p.opinionRefs.length;
      return { title: p.title, area: p.area, opinions: belowK(n, k) ? null : n };
    }),
    reviews,
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

async function current(deps: Deps, unitId: string) {
  const report = await getReport(deps, unitId);
  if (!report) throw notFound('还没有生成分析评议报告');
  return report;
}

/** The unit's report, for those who may read the unit. */
export async function reportOf(deps: Deps, who: Principal, unitId: string): Promise<Report> {
  const unit = await unitFor(deps, who, 'read', unitId);
  return current(deps, unit.id);
}

/** What the console's report page shows: the unit, its problem list and its report if built. */
export async function reportPage(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [problems, report] = await Promise.all([problemsOf(deps, unit.id), getReport(deps, unit.id)]);
  return { unit, problems: byWeight(problems), report };
}

/** The unit sends its draft to the supervision group. */
export async function submitReport(deps: Deps, who: Principal, unitId: string): Promise<Report> {
  await unitFor(deps, who, 'collect', unitId);
  const report = await current(deps, unitId);
  assertMove('submit', report);
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

/**
 * The supervision group approves a submitted report and chooses who may see
 * it; never the person who submitted it. It gets its disclosure token and is
 * immutable from then on.
 */
export async function approveReport(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: { scope: DisclosureScope; publishExcellent?: boolean | undefined },
): Promise<Report> {
  const { scope } = input;
  await unitFor(deps, who, 'decideStage', unitId);
  const report = await current(deps, unitId);
  assertMove('approve', report);
  if (report.submittedBy === who.username) {
    throw fail('SAME_PERSON');
  }
  const token = randomBytes(16).toString('base64url');
  // Names of members determined 优秀 join the publication only by the approver's choice (and its hash with them).
  const published = input.publishExcellent
    ? { ...report.published, excellentNames: await excellentNames(deps, unitId) }
    : report.published;
  const approvedAt = deps.now().toISOString();
  const sha256 = input.publishExcellent ? publishedHash(published) : report.sha256;
  // The disclosure joins the campaign's publication log, chained to the entry before it.
  return atLogHead(deps, report.campaignId, async (head) => {
    const entry = nextEntry(head, {
      campaignId: report.campaignId,
      kind: 'disclosure',
      unitId,
      token,
      contentSha256: sha256,
      at: approvedAt,
    });
    const set = {
      state: 'approved' as const,
      approvedBy: who.username,
      approvedAt,
      scope,
      token,
      logSeq: entry.seq,
      logHash: entry.hash,
      ...(input.publishExcellent ? { published, sha256 } : {}),
    };
    await moveReport(
      deps,
      'approve',
      report,
      set,
      {
        actor: who.username,
        action: 'report.approve',
        target: `unit:${unitId}/report`,
        detail: {
          scope,
          sha256,
          logSeq: entry.seq,
          ...(input.publishExcellent ? { publishExcellent: true, submittedSha256: report.sha256 } : {}),
        },
      },
      entry,
    );
    return { ...report, ...set };
  });
}

/** The supervision group sends a submitted report back with its comments; it is a draft again. */
export async function returnReport(
  deps: Deps,
  who: Principal,
  unitId: string,
  comment: string,
): Promise<Report> {
  await unitFor(deps, who, 'decideStage', unitId);
  const report = await current(deps, unitId);
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
