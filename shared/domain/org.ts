import * as z from 'zod';
import { Stage } from './campaign';

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
/** Changing a unit's facts; its stage changes only through stage requests. */
export const UnitPatch = UnitInput.partial();
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
    /** The latest counted satisfaction evaluation, as supervisors and stage changes read it. */
    lastEvaluation: z
      .object({
        id: z.string(),
        countedAt: z.string(),
        rate: z.number().nullable(),
        remedial: z.boolean(),
      })
      .optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const MemberInput = z
  .strictObject({ name, category: MemberCategory, probationary: z.boolean().default(false) })
  .meta({ id: 'MemberInput' });
export type MemberInput = z.infer<typeof MemberInput>;
/** Changing a party member. */
export const MemberPatch = MemberInput.partial();
export type MemberPatch = z.infer<typeof MemberPatch>;
export const Member = z
  .object({ ...MemberInput.shape, id: z.string(), unitId: z.string(), createdAt: z.string() })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;
