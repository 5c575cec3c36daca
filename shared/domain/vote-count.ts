import * as z from 'zod';
import { type BallotCode, type ByGroup, byGroup, type Vote, type VoterGroup, voterGroups } from './vote';

const GroupReconciliation = z.object({
  codes: z.object({ issued: z.number(), used: z.number(), unused: z.number(), revoked: z.number() }),
  paperIssued: z.number(),
  ballots: z.object({ online: z.number(), paper: z.number(), total: z.number() }),
  due: z.number(),
  turnout: z.number().nullable(),
  overReturned: z.boolean(),
  /** More ballots handed out (codes not revoked, paper) than voters due: worth a look before counting. */
  overIssued: z.number().default(0),
});
type GroupReconciliation = z.infer<typeof GroupReconciliation>;

/** The meeting's reconciliation (计票), as the API answers it and the console reads it. */
export const ReconciliationView = z
  .object({
    groups: z.object({ member: GroupReconciliation, mass: GroupReconciliation }),
    /** Paper slips not yet counted: entered by one teller only, or by both differently. */
    paperMismatches: z.array(
      z.object({ slipNo: z.number(), problem: z.enum(['onlyOneTeller', 'different']) }),
    ),
    quorumMet: z.boolean(),
    void: z.boolean(),
  })
  .meta({ id: 'Reconciliation' });
export type ReconciliationView = z.infer<typeof ReconciliationView>;

/**
 * Reconciles a vote per voter group: codes issued, used, unused, revoked;
 * ballots returned online and on paper; turnout against the numbers due;
 * the quorum of members; and whether more came back than went out (void).
 */
export function reconcile(
  vote: Pick<Vote, 'due' | 'paperIssued'>,
  counts: {
    codes: Pick<BallotCode, 'voterGroup' | 'state'>[];
    online: { voterGroup: VoterGroup }[];
    paper: { voterGroup: VoterGroup }[];
    mismatched: ReconciliationView['paperMismatches'];
  },
  quorum: number,
): ReconciliationView {
  const groups: ByGroup<GroupReconciliation> = byGroup((g) => {
    const mine = counts.codes.filter((c) => c.voterGroup === g);
    const issued = mine.length;
    const used = mine.filter((c) => c.state === 'used').length;
    const revoked = mine.filter((c) => c.state === 'revoked').length;
    const online = counts.online.filter((b) => b.voterGroup === g).length;
    const onPaper = counts.paper.filter((p) => p.voterGroup === g).length;
    const returned = online + onPaper;
    const handedOut = issued - revoked + vote.paperIssued[g];
    return {
      codes: { issued, used, unused: issued - used - revoked, revoked },
      paperIssued: vote.paperIssued[g],
      ballots: { online, paper: onPaper, total: returned },
      due: vote.due[g],
      turnout: vote.due[g] > 0 ? returned / vote.due[g] : null,
      overReturned: returned > handedOut,
      overIssued: Math.max(0, handedOut - vote.due[g]),
    };
  });
  return {
    groups,
    paperMismatches: counts.mismatched,
    quorumMet: groups.member.ballots.total >= Math.ceil(vote.due.member * quorum - 1e-9),
    /** More ballots returned than handed out voids the round. */
    void: voterGroups.some((g) => groups[g].overReturned),
  };
}

/** One wording per state of a paper slip, wherever it is shown. */
export const slipStateLabels = {
  onlyOneTeller: '等待另一位计票人',
  different: '两人录入不一致',
  agreed: '一致',
} as const;
