import { z } from '@hono/zod-openapi';
import { MemberCategory } from './org';
import { type WindowState, windowState } from './time-window';

/** Grades of a party member in democratic review (民主评议). */
export const grades = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;
export const Grade = z.enum(grades).openapi('Grade');
export type Grade = z.infer<typeof Grade>;
export const gradeLabels: Record<Grade, string> = {
  excellent: '优秀',
  competent: '合格',
  basicallyCompetent: '基本合格',
  incompetent: '不合格',
};

/** Answers to the leading-team satisfaction question. */
export const satisfactions = ['satisfied', 'basicallySatisfied', 'dissatisfied', 'unknown'] as const;
export const Satisfaction = z.enum(satisfactions).openapi('Satisfaction');
export type Satisfaction = z.infer<typeof Satisfaction>;
export const satisfactionLabels: Record<Satisfaction, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  unknown: '不了解',
};

/** Who casts ballots: party members and mass representatives, counted apart. */
export const voterGroups = ['member', 'mass'] as const;
export const VoterGroup = z.enum(voterGroups).openapi('VoterGroup');
export type VoterGroup = z.infer<typeof VoterGroup>;
export const voterGroupLabels: Record<VoterGroup, string> = { member: '党员', mass: '群众代表' };

export const SessionMember = z.object({ id: z.string(), name: z.string(), category: MemberCategory });
export type SessionMember = z.infer<typeof SessionMember>;

export const ReviewSessionInput = z
  .strictObject({
    opensAt: z.iso.datetime({ offset: true }).optional(),
    closesAt: z.iso.datetime({ offset: true }),
    /** Voters due in each group; defaults to the unit's members and mass representatives due. */
    due: z
      .strictObject({
        member: z.number().int().min(0).max(10_000),
        mass: z.number().int().min(0).max(10_000),
      })
      .optional(),
    comments: z.boolean().default(true),
  })
  .openapi('ReviewSessionInput');

/** A review session: the members graded (probationary members left out), voters due, its window. */
export const ReviewSession = z
  .object({
    id: z.string(),
    unitId: z.string(),
    campaignId: z.string(),
    groupId: z.string(),
    unitName: z.string(),
    members: z.array(SessionMember),
    due: z.object({ member: z.number().int(), mass: z.number().int() }),
    /** Paper ballots handed out at the meeting, per voter group. */
    paperIssued: z.object({ member: z.number().int(), mass: z.number().int() }),
    comments: z.boolean(),
    opensAt: z.string(),
    closesAt: z.string(),
    closedEarlyAt: z.string().optional(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('ReviewSession');
export type ReviewSession = z.infer<typeof ReviewSession>;

/** Whether a session takes ballots at `now`; its results show only once it is closed. */
export const sessionState: (s: ReviewSession, now: Date) => WindowState = windowState;

/** The marks on one ballot: a grade for every member of the session and the satisfaction answer. */
export function ballotMarks(session: ReviewSession) {
  const ids = session.members.map((m) => m.id);
  return z.strictObject({
    grades: z.record(z.string(), Grade).superRefine((g, ctx) => {
      for (const id of Object.keys(g)) {
        if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: [id], message: '不在本次评议名单中' });
      }
      for (const m of session.members) {
        if (!(m.id in g)) ctx.addIssue({ code: 'custom', path: [m.id], message: `请评定 ${m.name}` });
      }
    }),
    satisfaction: Satisfaction,
    comment: session.comments
      ? z.string().trim().max(500, '意见不超过500字').default('')
      : z.literal('').default(''),
  });
}
export type BallotMarks = z.infer<ReturnType<typeof ballotMarks>>;

/** A stored ballot: the session, the voter group, the marks and a receipt — nothing that points at a code. */
export const Ballot = z.object({
  sessionId: z.string(),
  voterGroup: VoterGroup,
  channel: z.enum(['online', 'paper']),
  grades: z.record(z.string(), Grade),
  satisfaction: Satisfaction,
  comment: z.string(),
  receipt: z.string(),
});
export type Ballot = z.infer<typeof Ballot>;
