import * as z from 'zod';
import { fail } from '../errors';
import { Promised } from './campaign';
import { countingFields } from './counting';
import { MemberCategory } from './org';
import { cachedBy } from './schema-cache';
import {
  storedWindow,
  type VotePhase,
  votePhase,
  type WindowState,
  windowInput,
  windowState,
} from './time-window';
import { ReadVersion, StoredVersion } from './version';
import { ByGroupCount, PaperSlip, VoteBallot, VoterGroup } from './vote';

/** Grades of a party member in democratic review (民主评议). */
export const grades = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;
export const Grade = z.enum(grades).meta({ id: 'Grade' });
export type Grade = z.infer<typeof Grade>;
export const gradeLabels: Record<Grade, string> = {
  excellent: '优秀',
  competent: '合格',
  basicallyCompetent: '基本合格',
  incompetent: '不合格',
};

/**
 * What a voter may mark for a member: a grade, or 不了解 — offered to mass
 * representatives only, where the campaign allows it. 不了解 is left out of
 * every rate, as it is in 满意率.
 */
export const marks = [...grades, 'unknown'] as const;
export const Mark = z.enum(marks).meta({ id: 'Mark' });
export type Mark = z.infer<typeof Mark>;
export const markLabels: Record<Mark, string> = { ...gradeLabels, unknown: '不了解' };

/** Answers to the leading-team satisfaction question. */
export const satisfactions = ['satisfied', 'basicallySatisfied', 'dissatisfied', 'unknown'] as const;
export const Satisfaction = z.enum(satisfactions).meta({ id: 'Satisfaction' });
export type Satisfaction = z.infer<typeof Satisfaction>;
export const satisfactionLabels: Record<Satisfaction, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  unknown: '不了解',
};

export const SessionMember = z.object({ id: z.string(), name: z.string(), category: MemberCategory });
export type SessionMember = z.infer<typeof SessionMember>;

export const ReviewSessionInput = z
  .strictObject({
    ...windowInput,
    /** Voters due in each group; defaults to the unit's members and mass representatives due. */
    due: z
      .strictObject({
        member: z.number().int().min(0).max(10_000),
        mass: z.number().int().min(0).max(10_000),
      })
      .optional(),
    comments: z.boolean().default(true),
  })
  .meta({ id: 'ReviewSessionInput' });
export type ReviewSessionInput = z.output<typeof ReviewSessionInput>;

/** A review session: the members graded (probationary members left out), voters due, its window. */
export const ReviewSession = z
  .object({
    id: z.string(),
    unitId: z.string(),
    campaignId: z.string(),
    groupId: z.string(),
    unitName: z.string(),
    members: z.array(SessionMember),
    due: ByGroupCount,
    /** Paper ballots handed out at the meeting, per voter group. */
    paperIssued: ByGroupCount,
    comments: z.boolean(),
    /** Mass representatives may mark a member 不了解 (the campaign's setting when the session opened). */
    massUnknown: z.boolean().default(false),
    ...storedWindow,
    createdAt: z.string(),
    createdBy: z.string(),
    /** What its pages promise (k, the 补课 threshold), as the campaign's settings were at opening. */
    promised: Promised.optional(),
    ...countingFields,
  })
  .meta({ id: 'ReviewSession' });
export type ReviewSession = z.infer<typeof ReviewSession>;

/** Whether a session takes ballots at `now`; once closed it is counted, and its results show once the count is confirmed. */
export const sessionState: (s: ReviewSession, now: Date) => WindowState = windowState;

/** Answers for writes that meet a confirmed count, or a count that moved meanwhile. */
export const countConfirmed = () => fail('COUNT_CONFIRMED');
export const countChanged = () => fail('COUNT_CHANGED');

/** Where a session stands: casting (not yet open, open), counting (closed, not confirmed), counted (sealed). */
export type SessionPhase = VotePhase;
export const sessionPhase: (s: ReviewSession, now: Date) => SessionPhase = votePhase;

/** A session as the API answers it: with its state at the time of the answer. */
export const SessionView = ReviewSession.extend({ state: z.enum(['notYetOpen', 'open', 'closed']) }).meta({
  id: 'ReviewSessionView',
});
export type SessionView = z.infer<typeof SessionView>;

/** The marks a voter group may give in a session: 不了解 only for mass representatives, where allowed. */
export const marksFor = (
  session: Pick<ReviewSession, 'massUnknown'>,
  voterGroup: VoterGroup,
): readonly Mark[] => (session.massUnknown && voterGroup === 'mass' ? marks : grades);

/** A ballot's grades must use only its voter group's marks (a member's ballot has no 不了解). */
export const checkMarksOfGroup =
  (session: Pick<ReviewSession, 'massUnknown'>) =>
  (b: { voterGroup: VoterGroup; grades: Record<string, Mark> }, ctx: z.RefinementCtx) => {
    const allowed = marksFor(session, b.voterGroup);
    for (const [id, mark] of Object.entries(b.grades))
      if (!allowed.includes(mark))
        ctx.addIssue({ code: 'custom', path: ['grades', id], message: '党员投票人不能选“不了解”' });
  };

/** The marks on one ballot: a mark for every member of the session and the satisfaction answer. */
export function ballotMarks(session: ReviewSession) {
  const ids = session.members.map((m) => m.id);
  return z.strictObject({
    grades: z
      .record(z.string(), z.enum(session.massUnknown ? marks : grades, { error: '请从给出的等次中选择一项' }))
      .superRefine((g, ctx) => {
        for (const id of Object.keys(g)) {
          if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: [id], message: '不在本次评议名单中' });
        }
        for (const m of session.members) {
          if (!(m.id in g)) ctx.addIssue({ code: 'custom', path: [m.id], message: `请评定 ${m.name}` });
        }
      }),
    satisfaction: z.enum(satisfactions, { error: '请选择对单位领导班子的评价' }),
    comment: session.comments
      ? z.string().trim().max(500, '意见不超过500字').default('')
      : z.literal('').default(''),
  });
}
export type BallotMarks = z.infer<ReturnType<typeof ballotMarks>>;

/** A stored review ballot: the vote's fields, the grades, the satisfaction answer and the masked comment. */
export const Ballot = VoteBallot.extend({
  grades: z.record(z.string(), Mark),
  satisfaction: Satisfaction,
  comment: z.string(),
});
export type Ballot = z.infer<typeof Ballot>;

/** One teller's entry of a paper review ballot. */
export const PaperEntry = PaperSlip.extend({
  grades: z.record(z.string(), Mark),
  satisfaction: Satisfaction,
}).meta({ id: 'PaperEntry' });
export type PaperEntry = z.infer<typeof PaperEntry>;

/** The organisation's own determination for a member (组织评定), with its reason. */
export const Determination = z.object({
  memberId: z.string(),
  grade: Grade,
  reason: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /** Counts the changes: an edit names the version it was made from (absent: 0). */
  version: StoredVersion,
});
export type Determination = z.infer<typeof Determination>;

/** A paper ballot as a teller types it: the voter group and the marks of an online ballot, without a comment. */
export const paperEntryInput = cachedBy(
  (s: ReviewSession) => s.id,
  (s: ReviewSession) =>
    ballotMarks(s)
      .omit({ comment: true })
      .extend({ voterGroup: VoterGroup })
      .superRefine(checkMarksOfGroup(s)),
);

/** The organisation's determination for a member, as it is entered. */
export const DeterminationInput = z.strictObject({
  // Nothing is chosen for the organisation: a missing grade is named in words people use.
  grade: z.enum(grades, { error: '请选择组织评定的等次' }),
  reason: z.string().trim().min(2, '请写明评定理由').max(500),
  /** The determination's version as read (0: none made yet); an older one is refused (409). */
  version: ReadVersion,
});
export type DeterminationInput = z.infer<typeof DeterminationInput>;
