import { getAccount } from '../data/repos/accounts';
import { closeUnusedCodes } from '../data/repos/ballot-codes';
import { getCountingEntry, putCountingEntry } from '../data/repos/counting';
import { countingStep, putTellers, updateOpenVote, voteTarget } from '../data/repos/votes';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { canonicalJson } from '../domain/canonical-json';
import type { CountingSlip } from '../domain/counting';
import { parseInput } from '../domain/input';
import { votePhase, windowState } from '../domain/time-window';
import { type PaperSlip, type VoteKind, voteWords } from '../domain/vote';
import { fail, failWith, notFound, validationError } from '../errors';
import { campaignFor } from './access';
import { countedKind, type SealedOf, type VoteOf } from './counted-kinds';
import { countVote } from './vote-count';

/**
 * The counting step of any vote (计票), after casting closes: two tellers
 * appointed by the supervision group or the office enter each paper slip
 * independently; the supervision group confirms the count with the
 * unresolved slips named; the results are then computed once and sealed.
 * Review sessions and evaluations run the same steps (./counted-kinds.ts).
 */

/** Records how many paper slips were handed out, per voter group, while the vote is open. */
export async function setPaperIssued<K extends VoteKind>(
  deps: Deps,
  who: Principal,
  kind: K,
  id: string,
  issued: { member: number; mass: number },
): Promise<VoteOf<K>> {
  const vote = await countedKind(kind).find(deps, who, 'collect', id);
  if (windowState(vote, deps.now()) === 'closed') throw fail(voteWords[kind].closed);
  const action = `${voteWords[kind].audit}.paperIssued`;
  await updateOpenVote(deps, who.username, kind, vote, { paperIssued: issued }, action);
  return { ...vote, paperIssued: issued };
}

/**
 * The supervision group (or the office) appoints the two tellers.
 * 1. Two different accounts, both enabled.
 * 2. Each is an office account or a supervisor of the vote's group: never
 *    an account of the unit voted on, whose leader is among those appraised.
 */
export async function appointTellers<K extends VoteKind>(
  deps: Deps,
  who: Principal,
  kind: K,
  id: string,
  input: { teller1: string; teller2: string },
): Promise<VoteOf<K>> {
  const vote = await countedKind(kind).find(deps, who, 'superviseCount', id);
  if (vote.countedAt) throw fail(voteWords[kind].counted);
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
    if (scope?.role === 'supervisor' && scope.groupId !== vote.groupId) {
      throw validationError([{ path: key, message: '计票人须为本督导组或活动领导小组办公室的账号' }]);
    }
  }
  await putTellers(deps, who.username, kind, vote, input);
  return { ...vote, ...input };
}

/**
 * One teller's entry (or correction) of one paper slip.
 * 0. The caller may enter paper slips for the vote; `marks` are then
 *    checked as the vote's paper slip (the voter group and the marks).
 * 1. Only after casting closed and before the count is confirmed.
 * 2. Only by the account appointed for that side.
 * 3. Never by the account that entered the other side of the same slip.
 * The entry, the vote's entry counter and the audit record are one transaction.
 */
export async function enterCountingEntry<K extends VoteKind>(
  deps: Deps,
  who: Principal,
  kind: K,
  id: string,
  slip: CountingSlip,
  marks: unknown,
): Promise<PaperSlip & Record<string, unknown>> {
  const counted = countedKind(kind);
  const vote = await counted.find(deps, who, 'enterPaper', id);
  const teller = slip.teller === '1' ? (1 as const) : (2 as const);
  const entry = { slipNo: slip.slipNo, teller, ...parseInput(counted.paperInput(vote), marks) };
  const phase = votePhase(vote, deps.now());
  if (phase === 'counted') throw fail(voteWords[kind].counted);
  if (phase !== 'closed') throw fail('COUNTING_NOT_STARTED');
  const appointed = entry.teller === 1 ? vote.teller1 : vote.teller2;
  if (appointed !== who.username) throw fail('NOT_TELLER', entry.teller);
  const stored = { ...entry, enteredBy: who.username };
  const before = await getCountingEntry(deps, vote.id, entry, counted.schemas.paper);
  await putCountingEntry(
    deps,
    vote.id,
    stored,
    countingStep(deps, kind, vote.id, entry.teller, who.username, deps.now()),
    {
      actor: who.username,
      action: `${voteWords[kind].audit}.paper.${before ? 'correct' : 'enter'}`,
      target: voteTarget(kind, vote),
      detail: { slipNo: entry.slipNo, teller: entry.teller, voterGroup: entry.voterGroup },
    },
    (why) => (why === 'sameAccountOtherSide' ? fail('SAME_ACCOUNT_BOTH_SIDES') : fail('COUNT_CHANGED')),
  );
  return stored;
}

/**
 * The supervision group confirms the count (计票结束) and the results are sealed.
 * 0. The caller supervises the vote's counting; the campaign's settings apply.
 * 1. Casting is over (a poll also waits a minute); the confirming account is not a teller;
 *    paper slips handed out need two tellers.
 * 2. Unused codes are closed (finishing an interrupted early close).
 * 3. The confirmation must name exactly the slips still unresolved (the
 *    tellers' entries differ or one is missing); they are left out of the count.
 * 4. The kind tallies and seals, only if no entry was written since the count
 *    read them; nothing about its ballots, slips or codes changes afterwards.
 */
export async function confirmCounting<K extends VoteKind>(
  deps: Deps,
  who: Principal,
  kind: K,
  id: string,
  unresolvedSlips: number[],
): Promise<SealedOf<K>> {
  const counted = countedKind(kind);
  const vote = await counted.find(deps, who, 'superviseCount', id);
  const { settings } = await campaignFor(deps, who, 'read', vote.campaignId);
  const now = deps.now();
  const phase = votePhase(vote, now);
  if (phase === 'counted') throw fail(voteWords[kind].counted);
  if (phase !== 'closed') throw fail(voteWords[kind].open);
  counted.ready(vote, now);
  if (who.username === vote.teller1 || who.username === vote.teller2) throw fail('TELLER_CANNOT_CONFIRM');
  if (vote.paperIssued.member + vote.paperIssued.mass > 0 && !(vote.teller1 && vote.teller2)) {
    throw fail('NO_TELLERS');
  }
  await closeUnusedCodes(deps, vote.id);
  const fresh = await counted.reload(deps, vote.id);
  if (!fresh) throw notFound();
  const count = await countVote(deps, fresh, counted.schemas, settings.quorum);
  const open = count.reconciliation.paperMismatches.map((m) => m.slipNo).sort((a, b) => a - b);
  const named = [...new Set(unresolvedSlips)].sort((a, b) => a - b);
  if (canonicalJson(open) !== canonicalJson(named)) {
    throw failWith(
      'UNRESOLVED_SLIPS_DIFFER',
      [{ path: 'unresolvedSlips', message: open.join(',') }],
      open.join('、'),
    );
  }
  return counted.seal(
    deps,
    who,
    fresh,
    {
      reconciliation: count.reconciliation,
      ballots: [...count.online, ...count.paper],
      unresolvedSlips: open,
      at: now.toISOString(),
    },
    settings,
  );
}

/** The live reconciliation of a vote already read: codes, ballots, turnout and quorum per voter group. */
export const reconcileVote = async <K extends VoteKind>(
  deps: Deps,
  kind: K,
  vote: VoteOf<K>,
  quorum: number,
) => (await countVote(deps, vote, countedKind(kind).schemas, quorum)).reconciliation;

/** The live reconciliation of a vote the caller may read. */
export async function reconciliationOf<K extends VoteKind>(deps: Deps, who: Principal, kind: K, id: string) {
  const vote = await countedKind(kind).find(deps, who, 'read', id);
  const { settings } = await campaignFor(deps, who, 'read', vote.campaignId);
  return reconcileVote(deps, kind, vote, settings.quorum);
}

/**
 * A teller's own earlier marks on one slip, by form field, to correct it
 * with them filled in: only the caller's own side, never the other teller's
 * (none for anyone who is not one of the vote's tellers).
 */
export async function ownSlipMarks<K extends VoteKind>(
  deps: Deps,
  who: Principal,
  kind: K,
  vote: { id: string; teller1?: string | undefined; teller2?: string | undefined },
  slipNo: number,
): Promise<{ voterGroup: string; marks: Record<string, string> } | undefined> {
  const side = vote.teller1 === who.username ? 1 : vote.teller2 === who.username ? 2 : undefined;
  if (!side || !Number.isInteger(slipNo) || slipNo < 1) return undefined;
  const entry = (await getCountingEntry(
    deps,
    vote.id,
    { slipNo, teller: side },
    countedKind(kind).schemas.paper,
  )) as
    | {
        voterGroup: string;
        grades?: Record<string, string>;
        satisfaction?: string;
        overall?: string;
        measures?: Record<string, string>;
      }
    | undefined;
  if (!entry) return undefined;
  const marks: Record<string, string> = {
    ...Object.fromEntries(Object.entries(entry.grades ?? {}).map(([id, g]) => [`g_${id}`, g])),
    ...Object.fromEntries(Object.entries(entry.measures ?? {}).map(([id, s]) => [`m_${id}`, s])),
    ...(entry.satisfaction ? { satisfaction: entry.satisfaction } : {}),
    ...(entry.overall ? { overall: entry.overall } : {}),
  };
  return { voterGroup: entry.voterGroup, marks };
}
