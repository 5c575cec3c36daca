import * as z from 'zod';
import type { ErrorCode } from '../errors';
import { canonicalJson } from './canonical-json';
import { and, eq } from './condition';
import { openWindow, type TimeWindow } from './time-window';

/**
 * The vote module's vocabulary: single-use codes, ballots cast with them,
 * paper slips entered by two tellers. A democratic review session is one user
 * of it; a satisfaction evaluation of rectification can be another, with its
 * own marks. The module never looks inside the marks.
 */

/** Who casts ballots: party members and mass representatives, counted apart. */
export const voterGroups = ['member', 'mass'] as const;
export const VoterGroup = z.enum(voterGroups).meta({ id: 'VoterGroup' });
export type VoterGroup = z.infer<typeof VoterGroup>;
export const voterGroupLabels: Record<VoterGroup, string> = { member: '党员', mass: '群众代表' };

/** A figure per voter group. */
export type ByGroup<T> = Record<VoterGroup, T>;
export const ByGroupCount = z.object({ member: z.number().int(), mass: z.number().int() });

/** Builds a per-group record from a function of the group. */
export const byGroup = <T>(f: (g: VoterGroup) => T): ByGroup<T> => ({ member: f('member'), mass: f('mass') });

/**
 * What is being voted in: a democratic review session (民主评议) or a
 * satisfaction evaluation of rectification (群众满意度测评). The module
 * only needs the kind for its words: audit actions, error codes, messages.
 */
export const voteKinds = ['review', 'evaluation'] as const;
export type VoteKind = (typeof voteKinds)[number];
export const voteWords = {
  review: {
    audit: 'review',
    open: 'SESSION_OPEN',
    counted: 'COUNT_CONFIRMED',
    closed: 'SESSION_CLOSED',
    wrongVote: 'WRONG_SESSION',
    thisVote: '本次评议',
    window: 'session',
  },
  evaluation: {
    audit: 'evaluation',
    open: 'EVALUATION_OPEN',
    counted: 'EVALUATION_COUNTED',
    closed: 'EVALUATION_CLOSED',
    wrongVote: 'WRONG_EVALUATION',
    thisVote: '本次测评',
    window: 'evaluation',
  },
} as const satisfies Record<
  VoteKind,
  {
    audit: string;
    open: ErrorCode;
    counted: ErrorCode;
    closed: ErrorCode;
    wrongVote: ErrorCode;
    thisVote: string;
    window: string;
  }
>;

/** What the vote module needs of the thing voted in: its id, window, voters due and paper slips out. */
export interface Vote extends TimeWindow {
  id: string;
  unitId: string;
  groupId: string;
  campaignId: string;
  due: ByGroup<number>;
  paperIssued: ByGroup<number>;
  teller1?: string | undefined;
  teller2?: string | undefined;
  paperEntries: number;
  countedAt?: string | undefined;
}

/**
 * A stored code: its keyed hash, its vote, voter group and state — never the
 * code itself. It carries its vote's window, so a cast checks the window on
 * the code alone and never touches the vote's own item; closing a vote early
 * turns its unused codes `closed`.
 */
export const BallotCode = z.object({
  codeHash: z.string(),
  voteId: z.string(),
  /** Codes minted before evaluations existed carry no kind: they are review codes. */
  kind: z.enum(voteKinds).default('review'),
  voterGroup: VoterGroup,
  state: z.enum(['unused', 'used', 'revoked', 'closed']),
  opensAt: z.string(),
  closesAt: z.string(),
});
export type BallotCode = z.infer<typeof BallotCode>;

/**
 * A code that may cast a ballot now: of this vote and voter group, unused,
 * inside the window it carries. The casting transaction's condition and the
 * explanation of a refused cast are both this one definition.
 */
export const usableCode = (cast: { voteId: string; voterGroup: VoterGroup; now: Date }) =>
  and(
    eq('voteId', cast.voteId),
    eq('voterGroup', cast.voterGroup),
    eq('state', 'unused'),
    openWindow(cast.now),
  );

/** What every stored ballot has besides its marks; nothing in it points at a code, a person or a time. */
export const VoteBallot = z.object({
  voteId: z.string(),
  voterGroup: VoterGroup,
  channel: z.enum(['online', 'paper']),
  receipt: z.string(),
});
export type VoteBallot = z.infer<typeof VoteBallot>;

/** One teller's entry of one paper slip, and the account that typed it; the marks sit beside these fields. */
export const PaperSlip = z.object({
  slipNo: z.number().int(),
  teller: z.union([z.literal(1), z.literal(2)]),
  voterGroup: VoterGroup,
  enteredBy: z.string(),
});
export type PaperSlip = z.infer<typeof PaperSlip>;

const marksOf = <E extends PaperSlip>({ slipNo: _n, teller: _t, enteredBy: _b, ...marks }: E) =>
  canonicalJson(marks);

/** Pairs the tellers' entries: a paper slip counts once both entered it the same way. */
export function matchCountingEntries<E extends PaperSlip>(entries: E[]) {
  const bySlip = new Map<number, Partial<Record<1 | 2, E>>>();
  for (const e of entries) bySlip.set(e.slipNo, { ...bySlip.get(e.slipNo), [e.teller]: e });
  const counted: E[] = [];
  const mismatched: { slipNo: number; problem: 'onlyOneTeller' | 'different' }[] = [];
  for (const [slipNo, pair] of [...bySlip.entries()].sort((a, b) => a[0] - b[0])) {
    const [one, two] = [pair[1], pair[2]];
    if (one && two && marksOf(one) === marksOf(two)) counted.push(one);
    else mismatched.push({ slipNo, problem: one && two ? 'different' : 'onlyOneTeller' });
  }
  return { counted, mismatched };
}

/**
 * A batch of minted codes: how many, of which voter group, by whom and when.
 * Its codes are derived from its random id (`batchCode`), so the slips page
 * can be reloaded and reprinted without minting again; only their hashes are stored.
 */
export const CodeBatch = z.object({
  id: z.string(),
  voteId: z.string(),
  kind: z.enum(voteKinds),
  voterGroup: VoterGroup,
  count: z.number().int(),
  mintedAt: z.string(),
  mintedBy: z.string(),
});
export type CodeBatch = z.infer<typeof CodeBatch>;

/** A batch's codes with their links, as the API answers and the slips page prints. */
export const MintedCodes = z
  .object({
    batchId: z.string(),
    voterGroup: VoterGroup,
    codes: z.array(z.object({ code: z.string(), link: z.string() })),
  })
  .meta({ id: 'MintedCodes' });
export type MintedCodes = z.infer<typeof MintedCodes>;

/** What a mint asks for: how many codes of a voter group; beyond the voters due only when confirmed. */
export const MintInput = z
  .strictObject({
    voterGroup: VoterGroup,
    count: z.number().int().min(1).max(500),
    confirmExcess: z.boolean().default(false),
  })
  .meta({ id: 'MintInput' });
export type MintInput = z.output<typeof MintInput>;

/** What to revoke: one typed code, or every unused code of a voter group. */
export const RevokeInput = z
  .strictObject({ code: z.string().max(40).optional(), voterGroup: VoterGroup.optional() })
  .refine((b) => Boolean(b.code) !== Boolean(b.voterGroup), '请指定一个选票码，或一个投票人类别')
  .meta({ id: 'RevokeInput' });
