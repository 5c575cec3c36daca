import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { accessPatterns, keys } from '../data/keys';
import { queryAll } from '../data/query';
import { writeAudited } from '../data/transact';
import type { Deps } from '../deps';
import type { CampaignSettings } from '../domain/campaign';
import {
  Ballot,
  type BallotMarks,
  Grade,
  type ReviewSession,
  sessionState,
  type VoterGroup,
  voterGroups,
} from '../domain/review';
import { excellentAllowed, tally } from '../domain/tally';
import { conflict, notFound } from '../errors';
import { StoredCode } from './ballot-codes';

export const PaperEntry = z.object({
  slipNo: z.number().int(),
  teller: z.union([z.literal(1), z.literal(2)]),
  voterGroup: z.enum(['member', 'mass']),
  grades: z.record(z.string(), Grade),
  satisfaction: z.enum(['satisfied', 'basicallySatisfied', 'dissatisfied', 'unknown']),
});
export type PaperEntry = z.infer<typeof PaperEntry>;

export const Determination = z.object({
  memberId: z.string(),
  grade: Grade,
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

/** One teller's entry of one paper ballot; entering again replaces the teller's own entry (a correction). */
export async function enterPaperBallot(
  deps: Deps,
  s: ReviewSession,
  entry: {
    slipNo: number;
    teller: 1 | 2;
    voterGroup: VoterGroup;
    marks: Pick<BallotMarks, 'grades' | 'satisfaction'>;
  },
) {
  const item: PaperEntry = {
    slipNo: entry.slipNo,
    teller: entry.teller,
    voterGroup: entry.voterGroup,
    grades: entry.marks.grades,
    satisfaction: entry.marks.satisfaction,
  };
  await deps.db.send(
    new PutCommand({
      TableName: deps.tableName,
      Item: { ...keys.paperEntry(s.id, entry.slipNo, entry.teller), ...item },
    }),
  );
  return item;
}

const sameMarks = (a: PaperEntry, b: PaperEntry) =>
  a.voterGroup === b.voterGroup &&
  a.satisfaction === b.satisfaction &&
  JSON.stringify(Object.entries(a.grades).sort()) === JSON.stringify(Object.entries(b.grades).sort());

/** Pairs the tellers' entries: a paper ballot counts once both entered it the same way. */
export function matchPaper(entries: PaperEntry[]) {
  const bySlip = new Map<number, Partial<Record<1 | 2, PaperEntry>>>();
  for (const e of entries) bySlip.set(e.slipNo, { ...bySlip.get(e.slipNo), [e.teller]: e });
  const counted: PaperEntry[] = [];
  const mismatched: { slipNo: number; problem: 'onlyOneTeller' | 'different' }[] = [];
  for (const [slipNo, pair] of [...bySlip.entries()].sort((a, b) => a[0] - b[0])) {
    const [one, two] = [pair[1], pair[2]];
    if (one && two && sameMarks(one, two)) counted.push(one);
    else mismatched.push({ slipNo, problem: one && two ? 'different' : 'onlyOneTeller' });
  }
  return { counted, mismatched };
}

/**
 * The meeting's reconciliation (计票) per voter group: codes issued, used,
 * unused, revoked; ballots returned online and on paper; turnout against the
 * numbers due; the quorum; and whether more came back than went out (void).
 */
export async function reconcile(deps: Deps, s: ReviewSession, settings: Pick<CampaignSettings, 'quorum'>) {
  const [codes, ballots, paper] = await Promise.all([
    queryAll(deps.db, deps.tableName, accessPatterns.codesOfSession(s.id), StoredCode),
    queryAll(deps.db, deps.tableName, accessPatterns.ballotsOfSession(s.id), Ballot),
    queryAll(deps.db, deps.tableName, accessPatterns.paperOfSession(s.id), PaperEntry),
  ]);
  const { counted, mismatched } = matchPaper(paper);
  const groups = Object.fromEntries(
    voterGroups.map((g) => {
      const mine = codes.filter((c) => c.voterGroup === g);
      const issued = mine.length;
      const used = mine.filter((c) => c.state === 'used').length;
      const revoked = mine.filter((c) => c.state === 'revoked').length;
      const online = ballots.filter((b) => b.voterGroup === g).length;
      const onPaper = counted.filter((p) => p.voterGroup === g).length;
      const returned = online + onPaper;
      const handedOut = issued - revoked + s.paperIssued[g];
      return [
        g,
        {
          codes: { issued, used, unused: issued - used - revoked, revoked },
          paperIssued: s.paperIssued[g],
          ballots: { online, paper: onPaper, total: returned },
          due: s.due[g],
          turnout: s.due[g] > 0 ? returned / s.due[g] : null,
          overReturned: returned > handedOut,
        },
      ];
    }),
  ) as Record<
    VoterGroup,
    {
      codes: { issued: number; used: number; unused: number; revoked: number };
      paperIssued: number;
      ballots: { online: number; paper: number; total: number };
      due: number;
      turnout: number | null;
      overReturned: boolean;
    }
  >;
  const members = groups.member;
  return {
    groups,
    paperMismatches: mismatched,
    quorumMet: members.ballots.total >= Math.ceil(s.due.member * settings.quorum - 1e-9),
    /** More ballots returned than handed out voids the round. */
    void: voterGroups.some((g) => groups[g].overReturned),
    ballots,
    countedPaper: counted,
  };
}

/**
 * The results of a closed session: the tally of online and matched paper
 * ballots, the flags, and the organisation's own determinations kept apart.
 */
export async function results(deps: Deps, s: ReviewSession, settings: CampaignSettings) {
  if (sessionState(s, deps.now()) !== 'closed')
    throw conflict('SESSION_OPEN', '评议结束后才能查看结果，进行中只显示参评情况');
  const { ballots, countedPaper, ...reconciliation } = await reconcile(deps, s, settings);
  const determinations = await queryAll(
    deps.db,
    deps.tableName,
    accessPatterns.determinationsOfSession(s.id),
    Determination,
  );
  const counts = tally(s, [...ballots, ...countedPaper], settings);
  const allowed = excellentAllowed(s.members.length, settings.excellentCap);
  const determinedExcellent = determinations.filter((d) => d.grade === 'excellent').length;
  return {
    reconciliation,
    tally: counts,
    determinations,
    excellentCap: { allowed, determined: determinedExcellent, exceeded: determinedExcellent > allowed },
  };
}

/** The organisation records its own determination for a member, with a reason (看票不唯票). */
export async function determine(
  deps: Deps,
  actor: string,
  s: ReviewSession,
  memberId: string,
  grade: Grade,
  reason: string,
) {
  if (!s.members.some((m) => m.id === memberId)) throw notFound('该党员不在本次评议名单中');
  if (sessionState(s, deps.now()) !== 'closed') throw conflict('SESSION_OPEN', '评议结束后才能作出组织评定');
  const d = { memberId, grade, reason, decidedBy: actor, decidedAt: deps.now().toISOString() };
  await writeAudited(
    deps,
    [{ Put: { TableName: deps.tableName, Item: { ...keys.determination(s.id, memberId), ...d } } }],
    {
      actor,
      action: 'review.determine',
      target: `session:${s.id}/member:${memberId}`,
      detail: { grade, reason },
    },
    () => notFound(),
  );
  return d;
}
