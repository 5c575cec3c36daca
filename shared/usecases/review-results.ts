import { ballotsOf } from '../data/repos/ballot-box';
import { determinationsOf, putDeterminations } from '../data/repos/determinations';
import { getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { CampaignSettings } from '../domain/campaign';
import { determinationChanged } from '../domain/changed-meanwhile';
import {
  Ballot,
  type Determination,
  type DeterminationInput,
  PaperEntry,
  type ReviewSession,
  sessionPhase,
} from '../domain/review';
import { ResultsView } from '../domain/review-views';
import { excellentAllowed } from '../domain/tally';
import { refuseStale, versionOf } from '../domain/version';
import { fail, notFound } from '../errors';
import { campaignFor, sessionFor } from './access';
import { sessionView } from './review-session';
import { countVote } from './vote-count';

/** The session's reconciliation (计票) and the ballots that count, online and on matched paper. */
export const countSession = (
  deps: Deps,
  session: ReviewSession,
  settings: Pick<CampaignSettings, 'quorum'>,
) => countVote(deps, session, { ballot: Ballot, paper: PaperEntry }, settings.quorum);

const notCounted = () => fail('COUNT_NOT_CONFIRMED', '查看结果，之前只显示参评情况');

/** A session the caller may read, with its campaign's settings. */
async function readable(deps: Deps, who: Principal, id: string) {
  const session = await sessionFor(deps, who, 'read', id);
  const { settings } = await campaignFor(deps, who, 'read', session.campaignId);
  return { session, settings };
}

/**
 * The results of a counted session: the sealed reconciliation and tally
 * (as confirmed, never recomputed), with the organisation's determinations
 * kept apart and the cap on 优秀.
 */
export async function sealedResults(
  deps: Deps,
  session: ReviewSession,
  settings: CampaignSettings,
): Promise<ResultsView> {
  if (sessionPhase(session, deps.now()) !== 'counted') throw notCounted();
  const [sealed, determinations] = await Promise.all([
    getSealedResults(deps, session.id),
    determinationsOf(deps, session.id),
  ]);
  if (!sealed) throw notCounted();
  const allowed = excellentAllowed(session.members.length, settings.excellentCap);
  const determinedExcellent = determinations.filter((d) => d.grade === 'excellent').length;
  return ResultsView.parse({
    reconciliation: sealed.reconciliation,
    tally: sealed.tally,
    count: {
      confirmedAt: sealed.sealedAt,
      confirmedBy: sealed.sealedBy,
      unresolvedSlips: sealed.unresolvedSlips,
      sha256: sealed.sha256,
    },
    determinations,
    excellentCap: { allowed, determined: determinedExcellent, exceeded: determinedExcellent > allowed },
  });
}

/** A counted session's results (see `sealedResults`), with the session they are of. */
export async function resultsOf(deps: Deps, who: Principal, id: string) {
  const { session, settings } = await readable(deps, who, id);
  return { session, results: await sealedResults(deps, session, settings) };
}

/** The live reconciliation of a session: codes, ballots, turnout and quorum per voter group. */
export async function reconciliationOf(deps: Deps, who: Principal, id: string) {
  const { session, settings } = await readable(deps, who, id);
  return (await countSession(deps, session, settings)).reconciliation;
}

async function receipts(deps: Deps, session: ReviewSession): Promise<string[]> {
  if (sessionPhase(session, deps.now()) !== 'counted') throw notCounted();
  return (await ballotsOf(deps, session.id, Ballot)).map((b) => b.receipt).sort();
}

/** The receipts of the counted online ballots, sorted, for publishing once the count is confirmed. */
export async function receiptsOf(deps: Deps, who: Principal, id: string): Promise<string[]> {
  return receipts(deps, await sessionFor(deps, who, 'read', id));
}

/**
 * What the console's session page shows, the session read once: the
 * session, its live reconciliation and, once counted, the sealed results,
 * the receipts and the campaign's 满意率 threshold (as a share).
 */
export async function sessionPage(deps: Deps, who: Principal, id: string) {
  const { session, settings } = await readable(deps, who, id);
  const counted = Boolean(session.countedAt);
  const [count, results, published] = await Promise.all([
    countSession(deps, session, settings),
    counted ? sealedResults(deps, session, settings) : undefined,
    counted ? receipts(deps, session) : undefined,
  ]);
  return {
    session: sessionView(deps, session),
    reconciliation: count.reconciliation,
    results,
    receipts: published,
    threshold: counted ? settings.satisfactionThreshold / 100 : undefined,
  };
}

/**
 * The organisation records its own determinations (看票不唯票), each with a
 * reason, once the count is confirmed: one member, or the whole list saved
 * together (rows left as they were are not written again). Any row made
 * from an older read (`version` not the determination's; 0 when none was
 * made) refuses the whole save with 409 `DETERMINATION_CHANGED`, saying what
 * it is now, and nothing is written; the write is conditional on every
 * version read.
 */
export async function determineAll(
  deps: Deps,
  who: Principal,
  id: string,
  rows: ({ memberId: string } & DeterminationInput)[],
  opts: { onlyChanged: boolean } = { onlyChanged: true },
): Promise<Determination[]> {
  const session = await sessionFor(deps, who, 'collect', id);
  if (sessionPhase(session, deps.now()) !== 'counted') throw fail('COUNT_NOT_CONFIRMED', '作出组织评定');
  const stored = new Map((await determinationsOf(deps, session.id)).map((d) => [d.memberId, d]));
  const now = deps.now().toISOString();
  const changes = rows.flatMap((row) => {
    const member = session.members.find((m) => m.id === row.memberId);
    if (!member) throw notFound('该党员不在本次评议名单中');
    const before = stored.get(row.memberId);
    refuseStale(before, row.version, (was) => determinationChanged(was, member.name));
    if (opts.onlyChanged && before && before.grade === row.grade && before.reason === row.reason) return [];
    const d: Determination = {
      memberId: row.memberId,
      grade: row.grade,
      reason: row.reason,
      decidedBy: who.username,
      decidedAt: now,
      version: versionOf(before) + 1,
    };
    return [{ d, previous: before }];
  });
  for (let i = 0; i < changes.length; i += 90) {
    await putDeterminations(deps, session.unitId, session.id, changes.slice(i, i + 90), who.username);
  }
  return changes.map((c) => c.d);
}

/** One member's determination (the JSON API's PUT). */
export async function determine(
  deps: Deps,
  who: Principal,
  id: string,
  memberId: string,
  input: DeterminationInput,
): Promise<Determination> {
  const [d] = await determineAll(deps, who, id, [{ memberId, ...input }], { onlyChanged: false });
  if (!d) throw notFound('该党员不在本次评议名单中');
  return d;
}

/**
 * One member's private feedback sheet (个人评议情况反馈表), for the talk in
 * which the organisation feeds the appraisal back: the member's grades by
 * voter group (each below k withheld, as in the sealed tally) and the
 * organisation's determination. Only in the console, for those who may read
 * the unit; never published.
 */
export async function memberFeedback(deps: Deps, who: Principal, id: string, memberId: string) {
  const { session, settings } = await readable(deps, who, id);
  const results = await sealedResults(deps, session, settings);
  const tally = results.tally.members.find((m) => m.id === memberId);
  const member = session.members.find((m) => m.id === memberId);
  if (!tally || !member) throw notFound('本次评议没有这名党员');
  return {
    session,
    member,
    tally,
    k: settings.anonymityK,
    massUnknown: results.tally.massUnknown,
    determination: results.determinations.find((d) => d.memberId === memberId),
  };
}
