import { getAccount } from '../data/repos/accounts';
import { closeUnusedCodes } from '../data/repos/ballot-codes';
import { getCountingEntry, putCountingEntry } from '../data/repos/counting';
import { countingStep, getSession, putTellers, sealResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { canonicalJson, hashOf } from '../domain/canonical-json';
import { parseInput } from '../domain/input';
import { reviewSummary } from '../domain/overview';
import {
  type CountingSlip,
  countChanged,
  countConfirmed,
  PaperEntry,
  paperEntryInput,
  type SessionView,
  sessionPhase,
} from '../domain/review';
import type { ResultsView } from '../domain/review-views';
import { tally } from '../domain/tally';
import { fail, failWith, notFound, validationError } from '../errors';
import { campaignFor, sessionFor } from './access';
import { countSession, sealedResults } from './review-results';
import { sessionView } from './review-session';

/**
 * The counting step of a review session (计票), after casting closes:
 * two tellers appointed by the supervision group or the office enter each
 * paper slip independently; the supervision group confirms the count with
 * the unresolved slips named; the results are then computed once and sealed.
 */

/**
 * The supervision group (or the office) appoints the two tellers.
 * 1. Two different accounts, both enabled.
 * 2. Each is an office account or a supervisor of the session's group: never
 *    an account of the unit under review, whose leader is among those appraised.
 */
export async function appointTellers(
  deps: Deps,
  who: Principal,
  id: string,
  input: { teller1: string; teller2: string },
): Promise<SessionView> {
  const session = await sessionFor(deps, who, 'superviseCount', id);
  if (session.countedAt) throw countConfirmed();
  if (input.teller1 === input.teller2) {
    throw validationError([{ path: 'teller2', message: '两名计票人须为两个不同的账号' }]);
  }
  for (const key of ['teller1', 'teller2'] as const) {
    const account = await getAccount(deps, input[key]);
    const scope = account?.scope;
    if (!account || account.disabled) {
      throw validationError([{ path: key, message: '没有这个账号，或账号已停用' }]);
    }
    if (scope?.role === 'leader') {
      throw validationError([{ path: key, message: '单位账号不能担任计票人（单位负责人在被评议之列）' }]);
    }
    if (scope?.role === 'supervisor' && scope.groupId !== session.groupId) {
      throw validationError([{ path: key, message: '计票人须为本督导组或活动领导小组办公室的账号' }]);
    }
  }
  await putTellers(deps, who.username, session, input);
  return sessionView(deps, { ...session, ...input });
}

/**
 * One teller's entry (or correction) of one paper slip.
 * 0. The caller may enter paper slips for the session; `marks` are then
 *    checked against its members (the voter group and an online ballot's
 *    marks, without a comment).
 * 1. Only after casting closed and before the count is confirmed.
 * 2. Only by the account appointed for that side.
 * 3. Never by the account that entered the other side of the same slip.
 * The entry, the session's entry counter and the audit record are one transaction.
 */
export async function enterCountingEntry(
  deps: Deps,
  who: Principal,
  id: string,
  slip: CountingSlip,
  marks: unknown,
): Promise<PaperEntry> {
  const session = await sessionFor(deps, who, 'enterPaper', id);
  const teller = slip.teller === '1' ? (1 as const) : (2 as const);
  const entry = { slipNo: slip.slipNo, teller, ...parseInput(paperEntryInput(session), marks) };
  const phase = sessionPhase(session, deps.now());
  if (phase === 'counted') throw countConfirmed();
  if (phase !== 'closed') throw fail('COUNTING_NOT_STARTED');
  const appointed = entry.teller === 1 ? session.teller1 : session.teller2;
  if (appointed !== who.username) {
    throw fail('NOT_TELLER', entry.teller);
  }
  const stored: PaperEntry = { ...entry, enteredBy: who.username };
  const before = await getCountingEntry(deps, session.id, entry, PaperEntry);
  await putCountingEntry(
    deps,
    session.id,
    stored,
    countingStep(deps, session.id, entry.teller, who.username, deps.now()),
    {
      actor: who.username,
      action: before ? 'review.paper.correct' : 'review.paper.enter',
      target: `unit:${session.unitId}/session:${session.id}`,
      detail: { slipNo: entry.slipNo, teller: entry.teller, voterGroup: entry.voterGroup },
    },
    (why) => (why === 'sameAccountOtherSide' ? fail('SAME_ACCOUNT_BOTH_SIDES') : countChanged()),
  );
  return stored;
}

/**
 * The supervision group confirms the count (计票结束) and the results are sealed.
 * 0. The caller supervises the session's counting; the campaign's settings apply.
 * 1. Casting is over; the confirming account is not one of the tellers.
 * 2. Unused codes are closed (finishing an interrupted early close).
 * 3. The confirmation must name exactly the slips still unresolved (the
 *    tellers' entries differ or one is missing); they are left out of the count.
 * 4. The reconciliation and the tally are computed once and stored with a
 *    SHA-256; the session is marked counted only if no entry was written
 *    since they were read, and the unit keeps the figures its overview line
 *    shows, in the same transaction. Nothing about its ballots, slips or codes changes afterwards.
 * 5. The answer is the sealed results, as `resultsOf` gives them.
 */
export async function confirmCounting(
  deps: Deps,
  who: Principal,
  id: string,
  unresolvedSlips: number[],
): Promise<ResultsView> {
  const session = await sessionFor(deps, who, 'superviseCount', id);
  const { settings } = await campaignFor(deps, who, 'read', session.campaignId);
  const phase = sessionPhase(session, deps.now());
  if (phase === 'counted') throw countConfirmed();
  if (phase !== 'closed') throw fail('SESSION_OPEN');
  if (who.username === session.teller1 || who.username === session.teller2) {
    throw fail('TELLER_CANNOT_CONFIRM');
  }
  if (session.paperIssued.member + session.paperIssued.mass > 0 && !(session.teller1 && session.teller2)) {
    throw fail('NO_TELLERS');
  }
  await closeUnusedCodes(deps, session.id);
  const fresh = await getSession(deps, session.id);
  if (!fresh) throw notFound();
  const counted = await countSession(deps, fresh, settings);
  const open = counted.reconciliation.paperMismatches.map((m) => m.slipNo).sort((a, b) => a - b);
  const named = [...new Set(unresolvedSlips)].sort((a, b) => a - b);
  if (canonicalJson(open) !== canonicalJson(named)) {
    throw failWith(
      'UNRESOLVED_SLIPS_DIFFER',
      [{ path: 'unresolvedSlips', message: open.join(',') }],
      open.join('、'),
    );
  }
  const body = {
    reconciliation: counted.reconciliation,
    tally: tally(fresh, [...counted.online, ...counted.paper], settings),
  };
  const sealed = {
    sessionId: session.id,
    ...body,
    unresolvedSlips: open,
    sealedAt: deps.now().toISOString(),
    sealedBy: who.username,
    sha256: hashOf(body),
  };
  await sealResults(
    deps,
    fresh,
    fresh.paperEntries,
    sealed,
    reviewSummary(fresh, body.tally, sealed.sealedAt),
  );
  return sealedResults(deps, await sessionFor(deps, who, 'read', session.id), settings);
}
