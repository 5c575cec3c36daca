import { ballotsOf, closeUnusedCodes, putPaperEntry } from '../data/repos/ballot-box';
import { determinationsOf, putDetermination } from '../data/repos/determinations';
import type { Deps } from '../deps';
import type { CampaignSettings } from '../domain/campaign';
import {
  Ballot,
  type Determination,
  type Grade,
  PaperEntry,
  type ReviewSession,
  sessionState,
} from '../domain/review';
import type { ResultsView } from '../domain/review-views';
import { excellentAllowed, tally } from '../domain/tally';
import { conflict, notFound } from '../errors';
import { countVote } from './vote-count';

/** One teller's entry of one paper ballot; entering again replaces the teller's own entry (a correction). */
export async function enterPaperBallot(
  deps: Deps,
  session: ReviewSession,
  entry: PaperEntry,
): Promise<PaperEntry> {
  if (sessionState(session, deps.now()) === 'notYetOpen') throw conflict('SESSION_NOT_OPEN', '评议尚未开始');
  await putPaperEntry(deps, session.id, entry);
  return entry;
}

/** A session closed early may have codes its close did not reach (it was interrupted): close them first. */
async function finishClosing(deps: Deps, session: ReviewSession) {
  if (session.closedEarlyAt) await closeUnusedCodes(deps, session.id);
}

/** The session's reconciliation (计票) and the ballots that count, online and on matched paper. */
export const countSession = (
  deps: Deps,
  session: ReviewSession,
  settings: Pick<CampaignSettings, 'quorum'>,
) => countVote(deps, session, { ballot: Ballot, paper: PaperEntry }, settings.quorum);

/**
 * The results of a closed session: the tally of online and matched paper
 * ballots, the flags, and the organisation's own determinations kept apart.
 */
export async function results(
  deps: Deps,
  session: ReviewSession,
  settings: CampaignSettings,
): Promise<ResultsView> {
  if (sessionState(session, deps.now()) !== 'closed')
    throw conflict('SESSION_OPEN', '评议结束后才能查看结果，进行中只显示参评情况');
  await finishClosing(deps, session);
  const [{ reconciliation, online, paper }, determinations] = await Promise.all([
    countSession(deps, session, settings),
    determinationsOf(deps, session.id),
  ]);
  const allowed = excellentAllowed(session.members.length, settings.excellentCap);
  const determinedExcellent = determinations.filter((d) => d.grade === 'excellent').length;
  return {
    reconciliation,
    tally: tally(session, [...online, ...paper], settings),
    determinations,
    excellentCap: { allowed, determined: determinedExcellent, exceeded: determinedExcellent > allowed },
  };
}

/** The receipts of the counted online ballots, sorted, for publishing once the session is closed. */
export async function receipts(deps: Deps, session: ReviewSession): Promise<string[]> {
  if (sessionState(session, deps.now()) !== 'closed')
    throw conflict('SESSION_OPEN', '评议结束后公布计入的选票回执');
  await finishClosing(deps, session);
  return (await ballotsOf(deps, session.id, Ballot)).map((b) => b.receipt).sort();
}

/** The organisation records its own determination for a member, with a reason (看票不唯票). */
export async function determine(
  deps: Deps,
  actor: string,
  session: ReviewSession,
  memberId: string,
  grade: Grade,
  reason: string,
): Promise<Determination> {
  if (!session.members.some((m) => m.id === memberId)) throw notFound('该党员不在本次评议名单中');
  if (sessionState(session, deps.now()) !== 'closed')
    throw conflict('SESSION_OPEN', '评议结束后才能作出组织评定');
  const d = { memberId, grade, reason, decidedBy: actor, decidedAt: deps.now().toISOString() };
  await putDetermination(deps, session.id, d);
  return d;
}
