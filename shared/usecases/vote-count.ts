import type { z } from 'zod';
import { ballotsOf } from '../data/repos/ballot-box';
import { codesOf } from '../data/repos/ballot-codes';
import { countingEntriesOf } from '../data/repos/counting';
import type { Deps } from '../deps';
import { matchCountingEntries, type PaperSlip, type Vote, type VoteBallot } from '../domain/vote';
import { reconcile } from '../domain/vote-count';

/**
 * Counts a vote from its raw items: codes, online ballots, and the tellers'
 * paper entries paired into counted slips. Returns the reconciliation and the
 * ballots that count (online and matched paper), parsed with the user's schemas.
 */
export async function countVote<B extends z.ZodType<VoteBallot>, P extends z.ZodType<PaperSlip>>(
  deps: Deps,
  vote: Vote,
  schemas: { ballot: B; paper: P },
  quorum: number,
) {
  const [codes, online, paper] = await Promise.all([
    codesOf(deps, vote.id),
    ballotsOf(deps, vote.id, schemas.ballot),
    countingEntriesOf(deps, vote.id, schemas.paper),
  ]);
  const { counted, mismatched } = matchCountingEntries(paper);
  return {
    reconciliation: reconcile(vote, { codes, online, paper: counted, mismatched }, quorum),
    online,
    paper: counted,
  };
}
