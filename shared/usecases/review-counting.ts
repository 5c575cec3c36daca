import { createHash } from 'node:crypto';
import { getAccount } from '../data/repos/accounts';
import { closeUnusedCodes } from '../data/repos/ballot-box';
import { getPaperEntry, putPaperEntry } from '../data/repos/paper-entries';
import { countingStep, getSession, putTellers, sealResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { CampaignSettings } from '../domain/campaign';
import { canonicalJson } from '../domain/canonical-json';
import { countChanged, countConfirmed, PaperEntry, type ReviewSession, sessionPhase } from '../domain/review';
import { tally } from '../domain/tally';
import { AppError, conflict, forbidden, notFound, validationError } from '../errors';
import { countSession } from './review-results';

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
  session: ReviewSession,
  input: { teller1: string; teller2: string },
) {
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
  return { ...session, ...input };
}

/**
 * One teller's entry (or correction) of one paper slip.
 * 1. Only after casting closed and before the count is confirmed.
 * 2. Only by the account appointed for that side.
 * 3. Never by the account that entered the other side of the same slip.
 * The entry, the session's entry counter and the audit record are one transaction.
 */
export async function enterPaperBallot(
  deps: Deps,
  who: Principal,
  session: ReviewSession,
  entry: Omit<PaperEntry, 'enteredBy'>,
): Promise<PaperEntry> {
  const phase = sessionPhase(session, deps.now());
  if (phase === 'counted') throw countConfirmed();
  if (phase !== 'closed') throw conflict('COUNTING_NOT_STARTED', '投票结束后才能录入纸质选票');
  const appointed = entry.teller === 1 ? session.teller1 : session.teller2;
  if (appointed !== who.username) {
    throw forbidden(`只有指定的第${entry.teller}计票人可以录入这一份`, 'NOT_TELLER');
  }
  const stored: PaperEntry = { ...entry, enteredBy: who.username };
  const before = await getPaperEntry(deps, session.id, entry, PaperEntry);
  await putPaperEntry(
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
    (why) =>
      why === 'sameAccountOtherSide'
        ? conflict('SAME_ACCOUNT_BOTH_SIDES', '同一账号不能录入同一张选票的两份')
        : countChanged(),
  );
  return stored;
}

/**
 * The supervision group confirms the count (计票结束) and the results are sealed.
 * 1. Casting is over; the confirming account is not one of the tellers.
 * 2. Unused codes are closed (finishing an interrupted early close).
 * 3. The confirmation must name exactly the slips still unresolved (the
 *    tellers' entries differ or one is missing); they are left out of the count.
 * 4. The reconciliation and the tally are computed once and stored with a
 *    SHA-256; the session is marked counted only if no entry was written
 *    since they were read. Nothing about its ballots, slips or codes changes afterwards.
 */
export async function confirmCount(
  deps: Deps,
  who: Principal,
  session: ReviewSession,
  settings: CampaignSettings,
  unresolvedSlips: number[],
) {
  const phase = sessionPhase(session, deps.now());
  if (phase === 'counted') throw countConfirmed();
  if (phase !== 'closed') throw conflict('SESSION_OPEN', '投票结束后才能确认计票');
  if (who.username === session.teller1 || who.username === session.teller2) {
    throw forbidden('计票人不能确认自己参与的计票', 'TELLER_CANNOT_CONFIRM');
  }
  if (session.paperIssued.member + session.paperIssued.mass > 0 && !(session.teller1 && session.teller2)) {
    throw conflict('NO_TELLERS', '本次评议发放了纸质选票，请先指定两名计票人并录入');
  }
  await closeUnusedCodes(deps, session.id);
  const fresh = await getSession(deps, session.id);
  if (!fresh) throw notFound();
  const counted = await countSession(deps, fresh, settings);
  const open = counted.reconciliation.paperMismatches.map((m) => m.slipNo).sort((a, b) => a - b);
  const named = [...new Set(unresolvedSlips)].sort((a, b) => a - b);
  if (canonicalJson(open) !== canonicalJson(named)) {
    throw new AppError(
      'conflict',
      'UNRESOLVED_SLIPS_DIFFER',
      open.length > 0
        ? `尚未解决的纸质选票为第${open.join('、')}号，确认时须逐一列明（这些选票不计入结果）`
        : '目前没有未解决的纸质选票，请刷新后再确认',
      [{ path: 'unresolvedSlips', message: open.join(',') }],
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
    sha256: createHash('sha256').update(canonicalJson(body)).digest('hex'),
  };
  await sealResults(deps, fresh, fresh.paperEntries, sealed);
  return sealed;
}
