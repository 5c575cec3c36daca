import { getCampaign } from '../data/repos/campaigns';
import { determinationsOf } from '../data/repos/determinations';
import { allSessions, getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Member } from '../domain/org';
import { type OwnFeedback, ResultsView } from '../domain/review-views';

const SealedTally = ResultsView.shape.tally;

/**
 * A member's own 评议 result, for their personal link alone: from the unit's
 * latest counted review session that listed them, once the organisation has
 * determined them — their grades by voter group as sealed (a group below k
 * was sealed as withheld and stays so), the organisation's grade and reason.
 * Undefined until both exist. Nothing of any other member is read out.
 */
export async function ownFeedback(deps: Deps, member: Member): Promise<OwnFeedback | undefined> {
  const counted = (await allSessions(deps, member.unitId)).filter(
    (s) => s.countedAt && s.members.some((m) => m.id === member.id),
  );
  const session = counted.sort((a, b) => (b.countedAt ?? '').localeCompare(a.countedAt ?? ''))[0];
  if (!session) return undefined;
  const [sealed, determinations] = await Promise.all([
    getSealedResults(deps, session.id),
    determinationsOf(deps, session.id),
  ]);
  const determination = determinations.find((d) => d.memberId === member.id);
  if (!sealed || !determination) return undefined;
  const tally = SealedTally.parse(sealed.tally);
  const mine = tally.members.find((m) => m.id === member.id);
  if (!mine) return undefined;
  // k as the session promised it when it opened (sessions from before that was kept: the campaign's).
  const k =
    session.promised?.anonymityK ?? (await getCampaign(deps, session.campaignId))?.settings.anonymityK;
  return {
    countedAt: session.countedAt ?? '',
    k: k ?? 0,
    massUnknown: tally.massUnknown,
    byGroup: mine.byGroup,
    combined: mine.combined,
    excellentRate: mine.excellentRate,
    qualifiedRate: mine.qualifiedRate,
    determination: { grade: determination.grade, reason: determination.reason },
  };
}
