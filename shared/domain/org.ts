import * as z from 'zod';
import { Stage } from './campaign';
import type { ReportState } from './report';
import { ReadVersion, StoredVersion } from './version';

export const unitTypes = ['enterprise', 'school', 'research', 'other'] as const;
export const UnitType = z.enum(unitTypes).meta({ id: 'UnitType' });
export type UnitType = z.infer<typeof UnitType>;
export const unitTypeLabels: Record<UnitType, string> = {
  enterprise: '企业',
  school: '学校',
  research: '研发机构',
  other: '其他',
};

export const memberCategories = ['leader', 'ordinary', 'frontline', 'hardship'] as const;
export const MemberCategory = z.enum(memberCategories).meta({ id: 'MemberCategory' });
export type MemberCategory = z.infer<typeof MemberCategory>;
export const memberCategoryLabels: Record<MemberCategory, string> = {
  leader: '党员领导干部',
  ordinary: '普通党员',
  frontline: '生产一线党员',
  hardship: '下岗失业和生活困难党员',
};

const name = z.string().trim().min(1).max(60);

export const GroupInput = z
  .strictObject({ name, note: z.string().trim().max(500).optional() })
  .meta({ id: 'GroupInput' });
export type GroupInput = z.infer<typeof GroupInput>;
export const Group = z
  .object({ ...GroupInput.shape, id: z.string(), campaignId: z.string(), createdAt: z.string() })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof Group>;
/** Renaming a group or changing its note. */
export const GroupPatch = GroupInput.partial();
export type GroupPatch = z.infer<typeof GroupPatch>;

export const UnitInput = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    type: UnitType,
    partyOrganization: z.string().trim().min(2).max(100),
    responsibleTitle: z.string().trim().min(1).max(60),
    membersDue: z.number().int().min(0).max(100_000),
    massRepresentativesDue: z.number().int().min(0).max(100_000),
    groupId: z.string().min(1),
  })
  .meta({ id: 'UnitInput' });
export type UnitInput = z.infer<typeof UnitInput>;
/**
 * Changing a unit's facts; its stage changes only through stage requests.
 * `updatedAt` is the unit's as the editor read it: named, a change made from
 * an older read is refused (409 `CHANGED_MEANWHILE`, saying what the unit is now).
 */
export const UnitPatch = UnitInput.partial().extend({
  updatedAt: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The unit’s updatedAt as read; an older one is refused (409) and changes nothing'),
});
export type UnitPatch = z.infer<typeof UnitPatch>;

/** Asking to move to the next stage (转段申请), with an optional note. */
export const StageRequestInput = z.strictObject({ note: z.string().trim().max(500).optional() });
/** Approving or refusing a pending stage request, with an optional comment. */
export const StageDecisionInput = z.strictObject({
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});

export const StageRequest = z
  .object({ to: Stage, requestedBy: z.string(), requestedAt: z.string(), note: z.string().optional() })
  .meta({ id: 'StageRequest' });
export type StageRequest = z.infer<typeof StageRequest>;

export const StageDecision = z
  .object({
    to: Stage,
    approved: z.boolean(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    comment: z.string().optional(),
  })
  .meta({ id: 'StageDecision' });
export type StageDecision = z.infer<typeof StageDecision>;

/**
 * The latest counted review session's figures as the overviews show them,
 * kept on the unit by the transaction that seals the count.
 */
export const ReviewSummary = z
  .object({
    sessionId: z.string(),
    countedAt: z.string(),
    /** Ballots returned ÷ voters due; null when none were due. */
    turnout: z.number().nullable(),
    satisfactionRate: z.number().nullable(),
    /** 满意率 below the campaign's threshold: the leading team must 补课. */
    remedial: z.boolean(),
    /** Members flagged 不合格票较多. */
    incompetentFlags: z.number().int(),
  })
  .meta({ id: 'ReviewSummary' });
export type ReviewSummary = z.infer<typeof ReviewSummary>;

const reportStateNames = {
  draft: 'draft',
  submitted: 'submitted',
  approved: 'approved',
} as const satisfies { [S in ReportState]: S };

/** Where the unit's analysis report stands, kept on the unit by the transaction of each move. */
export const ReportStatus = z
  .object({
    state: z.enum(reportStateNames),
    submittedAt: z.string().optional(),
    /** The supervision group's comment when it sent the report back (while it is a draft again). */
    returnComment: z.string().optional(),
  })
  .meta({ id: 'ReportStatus' });
export type ReportStatus = z.infer<typeof ReportStatus>;

export const Unit = z
  .object({
    ...UnitInput.shape,
    id: z.string(),
    campaignId: z.string(),
    stage: Stage,
    stageRequest: StageRequest.optional(),
    lastStageDecision: StageDecision.optional(),
    /**
     * The evaluation opened and not yet counted, if any: set in the same transaction that
     * opens one (only if none is pending) and removed when it is counted, so two leaders
     * opening at once cannot both succeed.
     */
    pendingEvaluation: z.string().optional(),
    /**
     * The review sessions opened and not yet counted (stored as a string set): each added by
     * the transaction that opens it and deleted by the one that seals its count, so the
     * supervision group's home finds the slips to enter and the counts to confirm without
     * reading every unit's sessions.
     */
    pendingReviews: z
      .preprocess((v) => (v instanceof Set ? [...v].sort() : v), z.array(z.string()))
      .optional(),
    /** The latest counted satisfaction evaluation, as supervisors and stage changes read it. */
    lastEvaluation: z
      .object({
        id: z.string(),
        countedAt: z.string(),
        rate: z.number().nullable(),
        remedial: z.boolean(),
      })
      .optional(),
    /** Absent until a review session of the unit is counted (or on units stored before it was kept). */
    lastReview: ReviewSummary.optional(),
    /** Absent until the unit's report is built. */
    reportStatus: ReportStatus.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const MemberInput = z
  .strictObject({ name, category: MemberCategory, probationary: z.boolean().default(false) })
  .meta({ id: 'MemberInput' });
export type MemberInput = z.infer<typeof MemberInput>;
/** Changing a party member, from the version read (an older one: 409 `MEMBER_CHANGED`). */
export const MemberPatch = MemberInput.partial().extend({ version: ReadVersion });
export type MemberPatch = z.infer<typeof MemberPatch>;
export const Member = z
  .object({
    ...MemberInput.shape,
    id: z.string(),
    unitId: z.string(),
    createdAt: z.string(),
    /** Counts the changes: an edit names the version it was made from (absent: 0). */
    version: StoredVersion,
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;
