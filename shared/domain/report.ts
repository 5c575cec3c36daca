import * as z from 'zod';
import { fail } from '../errors';
import { absent, type Condition, eq, holds, or } from './condition';
import { MemberCategory, memberCategoryLabels } from './org';
import { PublishedReview } from './published-review';
import { SelfAnalysisContent } from './self-analysis';
import { belowK } from './suppress';
import { ReadVersion, StoredVersion } from './version';

/**
 * The unit's analysis report (集中查找 → 组织把关认可 → 适当范围公开): the
 * frozen opinion counts, the problem list, the confirmed ballot results and
 * the organisation's determinations; drafted by the unit, approved by its
 * supervision group, then disclosed.
 */

/** Where a problem belongs: a member category (the seed's problems of members) or the unit's work. */
export const ProblemArea = z.union([MemberCategory, z.literal('unitWork')]).meta({ id: 'ProblemArea' });
export type ProblemArea = z.infer<typeof ProblemArea>;
export const problemAreaLabels: Record<ProblemArea, string> = {
  ...memberCategoryLabels,
  unitWork: '单位工作',
};

/** A problem the leader merged opinions into (梳理归并). */
export const Problem = z
  .object({
    id: z.string(),
    unitId: z.string(),
    title: z.string(),
    area: ProblemArea,
    /** The opinions merged into it, by their reference in the opinion list. */
    opinionRefs: z.array(z.string()),
    updatedAt: z.string(),
    /** Counts the changes: an edit names the version it was made from (absent: 0). */
    version: StoredVersion,
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const ProblemInput = z
  .strictObject({
    title: z.string().trim().min(2).max(100),
    area: ProblemArea,
    opinionRefs: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{22}$/))
      .max(5000)
      .transform((refs) => [...new Set(refs)]),
  })
  .meta({ id: 'ProblemInput' });
export type ProblemInput = z.infer<typeof ProblemInput>;

/** Changing a problem, from the version read (an older one: 409 `PROBLEM_CHANGED`). */
export const ProblemChange = ProblemInput.extend({ version: ReadVersion }).meta({ id: 'ProblemChange' });
export type ProblemChange = z.infer<typeof ProblemChange>;

/** Problems most gathered first: what the masses feel most strongly is solved first. */
export const byWeight = (ps: Problem[]) =>
  [...ps].sort((a, b) => b.opinionRefs.length - a.opinionRefs.length || a.title.localeCompare(b.title, 'zh'));

/** The problem list as a report publishes it: most gathered first, each count below k withheld. */
export const publishedProblems = (ps: Problem[], k: number) =>
  byWeight(ps).map((p) => {
    const n = p.opinionRefs.length;
    return { title: p.title, area: p.area, opinions: belowK(n, k) ? null : n };
  });

/** Whether the problem list was changed after the report was built (it must be rebuilt before it goes out). */
export const builtFromOtherProblems = (report: Pick<Report, 'published'>, ps: Problem[]) =>
  JSON.stringify(publishedProblems(ps, report.published.k)) !== JSON.stringify(report.published.problems);

export const reportStates = ['draft', 'submitted', 'approved'] as const;
export type ReportState = (typeof reportStates)[number];
export const reportStateLabels: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已报督导组',
  approved: '已认可',
};

/** Who may see the disclosure: the unit only (its own link) or everyone holding the unit's QR link. */
export const DisclosureScope = z.enum(['unit', 'public']).meta({ id: 'DisclosureScope' });
export type DisclosureScope = z.infer<typeof DisclosureScope>;

/** Approving a report: who may see it, and whether the names of members determined 优秀 are published. */
export const ApproveInput = z.strictObject({
  scope: DisclosureScope,
  publishExcellent: z.boolean().default(false),
});
/** Returning a report: the supervision group's comments. */
export const ReturnInput = z.strictObject({ comment: z.string().trim().min(2).max(1000) });

const Cell = z.object({ key: z.string(), count: z.number().nullable() });

/**
 * What is published, and what the SHA-256 covers (its canonical JSON): every
 * count already suppressed below k.
 */
export const Published = z
  .object({
    unit: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    k: z.number(),
    frozenAt: z.string(),
    opinions: z.object({
      total: z.number().nullable(),
      respondent: z.array(Cell),
      about: z.array(Cell),
      focus: z.array(Cell),
      problems: z.array(Cell),
    }),
    problems: z.array(z.object({ title: z.string(), area: ProblemArea, opinions: z.number().nullable() })),
    reviews: z.array(PublishedReview),
    /** Members determined 优秀, by name: only where the approver opted in (nothing else is published by name). */
    excellentNames: z.array(z.string()).optional(),
    /**
     * The leading team's 领导班子分析检查报告 as the supervision group approved it
     * (its text, when, and its SHA-256); absent when it was not approved when the report was built.
     */
    teamAnalysis: z
      .object({ content: SelfAnalysisContent, approvedAt: z.string(), sha256: z.string() })
      .optional(),
  })
  .meta({ id: 'PublishedReport' });
export type Published = z.infer<typeof Published>;

export const Report = z
  .object({
    unitId: z.string(),
    campaignId: z.string(),
    groupId: z.string(),
    state: z.enum(reportStates),
    published: Published,
    sha256: z.string(),
    builtBy: z.string(),
    builtAt: z.string(),
    submittedBy: z.string().optional(),
    submittedAt: z.string().optional(),
    returnedBy: z.string().optional(),
    returnedAt: z.string().optional(),
    returnComment: z.string().optional(),
    approvedBy: z.string().optional(),
    approvedAt: z.string().optional(),
    scope: DisclosureScope.optional(),
    /** The disclosure page's token (`/p/{token}`), once approved. */
    token: z.string().optional(),
    /** Its entry in the campaign's publication log, once approved. */
    logSeq: z.number().int().optional(),
    logHash: z.string().optional(),
    /** The latest entry of its rectification section (measures, progress, evaluation), once there is one. */
    rectificationLog: z.object({ seq: z.number().int(), hash: z.string(), sha256: z.string() }).optional(),
  })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;

/**
 * Who may see a disclosure, decided once: the token of an approved report
 * disclosed to everyone holding the unit's QR link, for the pages that link
 * to it (the opinion form, the receipt look-up); undefined otherwise. The
 * token itself opens the disclosure to whoever holds it (`/p/{token}`).
 */
export const publicDisclosureToken = (report: Report | undefined): string | undefined =>
  report?.state === 'approved' && report.scope === 'public' ? report.token : undefined;

/** The unit's report is still open to changes: there is none yet, or it is a draft. */
export const reportOpen: Condition = or(absent('state'), eq('state', 'draft'));

/**
 * The legal moves of a report, each as the named condition its report must
 * meet (see ./condition.ts): the use case's check and the write's
 * ConditionExpression are this one table. Anything else is a 409 that changes nothing.
 */
export const movableBy = {
  build: reportOpen,
  submit: eq('state', 'draft'),
  approve: eq('state', 'submitted'),
  return: eq('state', 'submitted'),
} satisfies Record<string, Condition>;
export type ReportMove = keyof typeof movableBy;

/** Refuses a move the report (undefined: none yet) cannot make from its state. */
export function assertMove(move: ReportMove, report: { state: ReportState } | undefined) {
  if (holds(movableBy[move], report)) return;
  throw report?.state === 'approved'
    ? fail('REPORT_APPROVED')
    : fail('REPORT_STATE', report?.state ?? 'none');
}
