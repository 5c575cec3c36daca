import { ballotsOf } from '../data/repos/ballot-box';
import { determinationsOf, putDetermination } from '../data/repos/determinations';
import { getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { CampaignSettings } from '../domain/campaign';
import {
  Ballot,
  type Determination,
  type Grade,
  PaperEntry,
  type ReviewSession,
  sessionPhase,
} from '../domain/review';
import { ResultsView } from '../domain/review-views';
import { excellentAllowed } from '../domain/tally';
import { conflict, notFound } from '../errors';
import { countVote } from './vote-count';

/** The session's reconciliation (计票) and the ballots that count, online and on matched paper. */
export const countSession = (
  deps: Deps,
  session: ReviewSession,
  settings: Pick<CampaignSettings, 'quorum'>,
) => countVote(deps, session, { ballot: Ballot, paper: PaperEntry }, settings.quorum);

const notCounted = () =>
  conflict('COUNT_NOT_CONFIRMED', '督导组确认计票结束后才能查看结果，之前只显示参评情况');

/**
 * The results of a counted session: the sealed reconciliation and tally
 * (as confirmed, never recomputed), with the organisation's determinations
 * kept apart and the cap on 优秀.
 */
export async function results(
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

/** The receipts of the counted online ballots, sorted, for publishing once the count is confirmed. */
export async function receipts(deps: Deps, session: ReviewSession): Promise<string[]> {
  if (sessionPhase(session, deps.now()) !== 'counted') throw notCounted();
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
  if (sessionPhase(session, deps.now()) !== 'counted')
    throw conflict('COUNT_NOT_CONFIRMED', '计票结束后才能作出组织评定');
  const d = { memberId, grade, reason, decidedBy: actor, decidedAt: deps.now().toISOString() };
  await putDetermination(deps, session.unitId, session.id, d);
  return d;
}
