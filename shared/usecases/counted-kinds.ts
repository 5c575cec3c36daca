import type { z } from 'zod';
import { getEvaluation, sealEvaluation } from '../data/repos/evaluations';
import { atLogHead } from '../data/repos/publication-log';
import { getSession, sealResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { CampaignSettings } from '../domain/campaign';
import { hashOf } from '../domain/canonical-json';
import {
  type Evaluation,
  EvaluationBallot,
  EvaluationPaperEntry,
  evaluationPaperInput,
  publicEvaluation,
} from '../domain/evaluation';
import { tallyEvaluation } from '../domain/evaluation-tally';
import { reviewSummary } from '../domain/overview';
import type { Action } from '../domain/policy';
import { Ballot, PaperEntry, paperEntryInput, type ReviewSession } from '../domain/review';
import type { ResultsView } from '../domain/review-views';
import { tally } from '../domain/tally';
import type { PaperSlip, Vote, VoteBallot, VoteKind, VoterGroup } from '../domain/vote';
import type { ReconciliationView } from '../domain/vote-count';
import { fail } from '../errors';
import { evaluationFor, sessionFor } from './access';
import { rectificationEntry } from './rectification-log';
import { sealedResults } from './review-results';

/** What the count of a vote found: the reconciliation, the ballots that count, the slips left out. */
export interface Count {
  reconciliation: ReconciliationView;
  /** Online ballots and matched paper slips alike: the kind's marks beside a voter group. */
  ballots: { voterGroup: VoterGroup }[];
  unresolvedSlips: number[];
  at: string;
}

/**
 * What counting needs of each kind of vote: the vote module runs the
 * lifecycle (tellers, paper entries, confirmation, seal) and each kind
 * supplies its marks and its tally. Adding a kind of vote is adding one entry.
 */
export interface CountedKind<V extends Vote, R> {
  /** The vote, if the caller may do `action` with it (404 otherwise). */
  find(deps: Deps, who: Principal, action: Action, id: string): Promise<V>;
  reload(deps: Deps, id: string): Promise<V | undefined>;
  /** A paper slip as a teller types it: its voter group and the marks of an online ballot. */
  paperInput(v: V): z.ZodType<{ voterGroup: VoterGroup } & Record<string, unknown>>;
  schemas: { ballot: z.ZodType<VoteBallot>; paper: z.ZodType<PaperSlip> };
  /** Refuses a count that must wait (a poll waits for answers already under way). */
  ready(v: V, now: Date): void;
  /** Tallies what the count found, seals it (one transaction) and answers as the API does. */
  seal(deps: Deps, who: Principal, v: V, count: Count, settings: CampaignSettings): Promise<R>;
}

/** A poll (open link) is counted this long after it closed: longer than any request that passed its window check runs. */
export const LINK_COUNT_GRACE_MS = 60_000;

const review: CountedKind<ReviewSession, ResultsView> = {
  find: sessionFor,
  reload: getSession,
  paperInput: paperEntryInput,
  schemas: { ballot: Ballot, paper: PaperEntry },
  ready: () => {},
  async seal(deps, who, session, count, settings) {
    const body = {
      reconciliation: count.reconciliation,
      tally: tally(session, count.ballots as Ballot[], settings),
    };
    const sealed = {
      sessionId: session.id,
      ...body,
      unresolvedSlips: count.unresolvedSlips,
      sealedAt: count.at,
      sealedBy: who.username,
      sha256: hashOf(body),
    };
    const summary = reviewSummary(session, body.tally, count.at);
    await sealResults(deps, session, session.paperEntries, sealed, summary);
    return sealedResults(deps, { ...session, countedAt: count.at, countedBy: who.username }, settings);
  },
};

const evaluation: CountedKind<Evaluation, Evaluation> = {
  find: evaluationFor,
  reload: getEvaluation,
  paperInput: evaluationPaperInput,
  schemas: { ballot: EvaluationBallot, paper: EvaluationPaperEntry },
  ready(e, now) {
    const closedAt = Date.parse(e.closedEarlyAt ?? e.closesAt);
    if (e.mode === 'link' && now.getTime() < closedAt + LINK_COUNT_GRACE_MS) throw fail('COUNT_TOO_EARLY');
  },
  async seal(deps, who, e, count, settings) {
    const results = tallyEvaluation(e, count.ballots as EvaluationBallot[], settings, count.unresolvedSlips);
    const sha256 = hashOf(results);
    const sealed = { at: count.at, by: who.username, results, sha256 };
    const shown = publicEvaluation({ ...e, countedAt: count.at, results });
    // By codes it becomes the unit's verdict, shown with the disclosure: its state joins the publication log.
    await atLogHead(deps, e.campaignId, async (head) =>
      sealEvaluation(
        deps,
        e,
        sealed,
        e.mode === 'codes' && shown
          ? await rectificationEntry(deps, head, e.unitId, { evaluation: shown })
          : undefined,
      ),
    );
    return { ...e, countedAt: count.at, countedBy: who.username, results, resultsSha256: sha256 };
  },
};

export const countedKinds = { review, evaluation };
type Kinds = typeof countedKinds;
/** The vote of each kind, and what its sealing answers. */
export type VoteOf<K extends VoteKind> = Kinds[K] extends CountedKind<infer V, unknown> ? V : never;
export type SealedOf<K extends VoteKind> = Kinds[K] extends CountedKind<Vote, infer R> ? R : never;
/** The kind's entry, typed for `K` (TypeScript cannot narrow a generic key by itself). */
export const countedKind = <K extends VoteKind>(kind: K) =>
  countedKinds[kind] as unknown as CountedKind<VoteOf<K>, SealedOf<K>>;
