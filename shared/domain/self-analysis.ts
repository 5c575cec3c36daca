import * as z from 'zod';
import { hashOf } from './canonical-json';
import { problemGroups } from './opinion-form';
import { type MemberCategory, memberCategoryLabels } from './org';
import type { Problem } from './report';

/**
 * 党性分析材料: a party member's own analysis (the problems found, their
 * causes, the direction and measures of improvement), written through the
 * member's personal link, checked by the party organisation (组织把关) and,
 * once approved, frozen by its SHA-256.
 */
export const selfAnalysisStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SelfAnalysisState = (typeof selfAnalysisStates)[number];
export const selfAnalysisStateLabels: Record<SelfAnalysisState | 'notStarted', string> = {
  notStarted: '未开始',
  draft: '草稿',
  submitted: '已提交，待组织把关',
  returned: '已退回修改',
  approved: '已认可',
};

/** Length limits of a material's parts. */
export const analysisLimits = { text: 3000, action: 200, measures: 10, comment: 500 } as const;

export const AnalysisMeasure = z.strictObject({
  action: z.string().trim().min(2, '请写明整改措施').max(analysisLimits.action),
  deadline: z.iso.date('请填写完成时限（年-月-日）'),
});
export type AnalysisMeasure = z.infer<typeof AnalysisMeasure>;

/** What a member writes (a draft may be incomplete; submitting asks for every part). */
export const SelfAnalysisContent = z
  .strictObject({
    problems: z.string().trim().max(analysisLimits.text, `查找的问题请在${analysisLimits.text}字以内`),
    causes: z.string().trim().max(analysisLimits.text, `原因剖析请在${analysisLimits.text}字以内`),
    measures: z.array(AnalysisMeasure).max(analysisLimits.measures),
  })
  .meta({ id: 'SelfAnalysisContent' });
export type SelfAnalysisContent = z.infer<typeof SelfAnalysisContent>;

export const SelfAnalysis = z
  .object({
    /** The member's id: one material per member (members belong to one unit of one campaign). */
    id: z.string(),
    unitId: z.string(),
    campaignId: z.string(),
    groupId: z.string(),
    memberName: z.string(),
    category: z.string(),
    state: z.enum(selfAnalysisStates),
    content: SelfAnalysisContent,
    /** Counts the saves: a save names the version it was made from. */
    version: z.number().int().nonnegative(),
    updatedAt: z.string(),
    /** The secretary typed it in from the member's paper material (their username). */
    enteredBy: z.string().optional(),
    submittedAt: z.string().optional(),
    returnComment: z.string().optional(),
    returnedAt: z.string().optional(),
    approvedAt: z.string().optional(),
    approvedBy: z.string().optional(),
    /** The SHA-256 of the approved material (`frozenMaterial`), fixed at approval. */
    sha256: z.string().optional(),
    /** The leading team's 领导班子分析检查报告, not a member's (checked by the supervision group alone). */
    team: z.literal(true).optional(),
  })
  .meta({ id: 'SelfAnalysis' });
export type SelfAnalysis = z.infer<typeof SelfAnalysis>;

/** The id of a unit's 领导班子分析检查报告: one per unit, kept like a member's material. */
export const teamAnalysisId = (unitId: string) => `team-${unitId}`;
export const isTeamAnalysisId = (id: string) => id.startsWith('team-');

/** Who writes the team's material, in the place of a member. */
export const teamAuthor = (unitId: string) => ({
  id: teamAnalysisId(unitId),
  name: '领导班子',
  category: 'leader' as MemberCategory,
});

/** The parts a material must have before it is submitted, each named as the member reads it. */
export function missingParts(c: SelfAnalysisContent): { path: string; message: string }[] {
  return [
    ...(c.problems ? [] : [{ path: 'problems', message: '请写出查找的问题' }]),
    ...(c.causes ? [] : [{ path: 'causes', message: '请写出原因剖析' }]),
    ...(c.measures.length > 0 ? [] : [{ path: 'measures', message: '请至少写一项整改措施和完成时限' }]),
  ];
}

/** A member (or the secretary for them) may change the text only while it is a draft or returned. */
export const editable = (state: SelfAnalysisState | undefined) =>
  state === undefined || state === 'draft' || state === 'returned';

/** What the approval freezes and hashes: who, what, when. */
export const frozenMaterial = (a: SelfAnalysis, approvedAt: string) => ({
  memberId: a.id,
  memberName: a.memberName,
  unitId: a.unitId,
  content: a.content,
  approvedAt,
});
export const materialSha256 = (a: SelfAnalysis, approvedAt: string) => hashOf(frozenMaterial(a, approvedAt));

/** The seed's problems for a member's category, and those every member is asked about. */
export function promptsFor(category: MemberCategory): string[] {
  const groupOf: Record<MemberCategory, string> = {
    leader: '党员领导干部',
    ordinary: '广大党员',
    frontline: '生产一线党员',
    hardship: '下岗失业和生活困难党员',
  };
  const wanted = new Set([groupOf[category], '广大党员']);
  return problemGroups.filter((g) => wanted.has(g.label)).flatMap((g) => Object.values(g.problems));
}

/** The unit's problem list as far as it concerns a member's category (the problems of that area). */
export const unitProblemsFor = (category: MemberCategory, problems: Problem[]) =>
  problems.filter((p) => p.area === category).map((p) => p.title);

export const categoryLabel = (category: string) =>
  memberCategoryLabels[category as MemberCategory] ?? category;
