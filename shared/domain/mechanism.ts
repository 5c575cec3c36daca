import * as z from 'zod';

/**
 * What lasts after the campaign (长效机制建设, 总结典型经验): the rules and
 * mechanisms a unit sets up, by the seed's kinds, and the good practice it
 * submits, which the office may mark as typical (典型经验) for every unit to read.
 */
export const mechanismKinds = [
  'education',
  'restraint',
  'management',
  'supervision',
  'incentive',
  'advancement',
] as const;
export type MechanismKind = (typeof mechanismKinds)[number];
export const mechanismKindLabels: Record<MechanismKind, string> = {
  education: '教育机制',
  restraint: '约束机制',
  management: '管理机制',
  supervision: '监督机制',
  incentive: '激励机制',
  advancement: '保持先进性工作机制',
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-31');

export const MechanismInput = z
  .strictObject({
    kind: z.enum(mechanismKinds),
    title: z.string().trim().min(2).max(100),
    content: z.string().trim().min(4).max(2000),
    /** The day the rule took effect (a day in China). */
    adoptedOn: day,
  })
  .meta({ id: 'MechanismInput' });
export type MechanismInput = z.infer<typeof MechanismInput>;

export const Mechanism = z
  .object({
    ...MechanismInput.shape,
    id: z.string(),
    unitId: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'Mechanism' });
export type Mechanism = z.infer<typeof Mechanism>;

export const PracticeInput = z
  .strictObject({ title: z.string().trim().min(2).max(100), content: z.string().trim().min(10).max(5000) })
  .meta({ id: 'PracticeInput' });
export type PracticeInput = z.infer<typeof PracticeInput>;

/** The office marks a practice as typical experience (典型经验), or takes the mark back. */
export const TypicalMark = z.strictObject({ typical: z.boolean() });
export type TypicalMark = z.infer<typeof TypicalMark>;

/** Good practice a unit submitted; `typical` once the office marked it (典型经验). */
export const Practice = z
  .object({
    ...PracticeInput.shape,
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    campaignId: z.string(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    typical: z.object({ markedBy: z.string(), markedAt: z.string() }).optional(),
  })
  .meta({ id: 'Practice' });
export type Practice = z.infer<typeof Practice>;
