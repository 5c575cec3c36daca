import * as z from 'zod';

/** The three stages of the campaign, in order (学习动员 → 分析评议 → 整改提高), each with its dates. */
export const stages = ['study', 'appraisal', 'rectification'] as const;
/** Where a unit stands: one of the stages, or done with them (整改提高 closed). */
export const unitStages = [...stages, 'concluded'] as const;
export const Stage = z.enum(unitStages).meta({ id: 'Stage' });
export type Stage = z.infer<typeof Stage>;

export const stageLabels: Record<Stage, string> = {
  study: '学习动员',
  appraisal: '分析评议',
  rectification: '整改提高',
  concluded: '活动结束',
};

/** The stage after `stage`, or undefined after the last one. */
export function nextStage(stage: Stage): Stage | undefined {
  return unitStages[unitStages.indexOf(stage) + 1];
}

const isoDate = z.iso.date();

export const StageWindow = z
  .strictObject({ start: isoDate, end: isoDate })
  .refine((w) => w.start <= w.end, { message: '结束日期不能早于开始日期', path: ['end'] });

/** Thresholds of the rules, each with the common practice as default. */
export const CampaignSettings = z
  .strictObject({
    /** Groups smaller than this are not shown broken down. */
    anonymityK: z.number().int().min(2).max(50).default(5),
    /** 满意率 below this (percent) means 补课. */
    satisfactionThreshold: z.number().min(0).max(100).default(60),
    /** At most this share of members may be graded 优秀. */
    excellentCap: z
      .number()
      .gt(0)
      .max(1)
      .default(1 / 3),
    /** Share of members due who must be present for a review meeting. */
    quorum: z
      .number()
      .gt(0)
      .max(1)
      .default(4 / 5),
    /** A member with at least this share of 不合格 votes is flagged for the organisation's attention. */
    incompetentShareThreshold: z
      .number()
      .gt(0)
      .max(1)
      .default(1 / 3),
    /** Mass representatives may mark a member 不了解 in democratic review (off unless the campaign allows it). */
    massUnknown: z.boolean().default(false),
  })
  .meta({ id: 'CampaignSettings' });
export type CampaignSettings = z.infer<typeof CampaignSettings>;

export const CampaignInput = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    stages: z.strictObject({ study: StageWindow, appraisal: StageWindow, rectification: StageWindow }),
    settings: CampaignSettings.default(CampaignSettings.parse({})),
  })
  .meta({ id: 'CampaignInput' });
export type CampaignInput = z.infer<typeof CampaignInput>;

export const CampaignPatch = z
  .strictObject({
    name: CampaignInput.shape.name.optional(),
    stages: CampaignInput.shape.stages.optional(),
    settings: CampaignSettings.partial().optional(),
  })
  .meta({ id: 'CampaignPatch' });
export type CampaignPatch = z.infer<typeof CampaignPatch>;

export const Campaign = z
  .object({
    ...CampaignInput.shape,
    id: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /**
     * When the first round, review session or evaluation opened: from then on
     * people are answering under these settings, and they no longer change.
     */
    settingsFrozenAt: z.string().optional(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof Campaign>;

/**
 * What a form, ballot or evaluation page promises the people answering it,
 * copied from the campaign when it opens: groups below k are never shown
 * apart, and the 满意率 below which a unit must 补课.
 */
export const Promised = z.object({
  anonymityK: z.number().int(),
  satisfactionThreshold: z.number(),
});
export type Promised = z.infer<typeof Promised>;
export const promisedBy = (c: Pick<Campaign, 'settings'>): Promised => ({
  anonymityK: c.settings.anonymityK,
  satisfactionThreshold: c.settings.satisfactionThreshold,
});
