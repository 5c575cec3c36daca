import * as z from 'zod';
import { SelfAnalysisContent } from './self-analysis';

/**
 * 适当范围公开: a unit's approved 党性分析 materials made public within the
 * scope the approver chose — the branch's members (on their personal links)
 * or the whole unit (a page of its own, `/a/{token}`, also shown on the
 * links). Each publication is an entry of the campaign's publication log
 * holding the SHA-256 of exactly this content. No vote count is part of it.
 */
export const analysesScopes = ['members', 'unit'] as const;
export const analysesScopeLabels: Record<(typeof analysesScopes)[number], string> = {
  members: '本支部党员（通过个人链接查看）',
  unit: '本单位（凭公开链接查看，也可贴在单位二维码旁）',
};

export const PublishedMaterial = z.object({
  memberId: z.string(),
  memberName: z.string(),
  category: z.string(),
  content: SelfAnalysisContent,
  approvedAt: z.string(),
  /** The approved material's own SHA-256. */
  sha256: z.string(),
});
export type PublishedMaterial = z.infer<typeof PublishedMaterial>;

/** What is published and hashed: the unit, the scope and every approved material. */
export const AnalysesContent = z.object({
  unitId: z.string(),
  unitName: z.string(),
  scope: z.enum(analysesScopes),
  materials: z.array(PublishedMaterial),
});
export type AnalysesContent = z.infer<typeof AnalysesContent>;

export const AnalysesDisclosure = z
  .object({
    campaignId: z.string(),
    token: z.string(),
    content: AnalysesContent,
    /** SHA-256 of `content`'s canonical JSON, as its log entry holds it. */
    sha256: z.string(),
    log: z.object({ seq: z.number().int(), hash: z.string() }),
    publishedAt: z.string(),
    publishedBy: z.string(),
  })
  .meta({ id: 'AnalysesDisclosure' });
export type AnalysesDisclosure = z.infer<typeof AnalysesDisclosure>;
