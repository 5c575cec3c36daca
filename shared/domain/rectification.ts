import * as z from 'zod';
import { fail } from '../errors';
import { chinaDay } from './china-day';
import type { PublicEvaluation } from './evaluation';
import { postProblem } from './post-title';
import { byWeight, type Problem } from './report';
import { ReadVersion } from './version';

/**
 * Rectification (深入整改): each approved problem gets measures (整改措施),
 * each with what will be done, the post responsible (a title, never a
 * person's name or contact), a deadline and its progress.
 */
export const measureStates = ['planned', 'underway', 'done'] as const;
export type MeasureState = (typeof measureStates)[number];
export const measureStateLabels: Record<MeasureState, string> = {
  planned: '计划中',
  underway: '正在整改',
  done: '已完成',
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-31');

/** One dated progress note (the day in China, not the time: the trail is in the audit log). */
export const Progress = z.object({ on: day, note: z.string(), state: z.enum(measureStates) });
export type Progress = z.infer<typeof Progress>;

export const Measure = z
  .object({
    id: z.string(),
    unitId: z.string(),
    problemId: z.string(),
    /** What will be done. */
    action: z.string(),
    /** The post responsible (e.g. 党支部书记, 车间主任): a title, never a private person's data. */
    post: z.string(),
    deadline: day,
    state: z.enum(measureStates),
    progress: z.array(Progress),
    updatedAt: z.string(),
    /** Counts the writes: a change must name the version it was made from (two editors, one wins). */
    version: z.number().int(),
  })
  .meta({ id: 'Measure' });
export type Measure = z.infer<typeof Measure>;

export const MeasureInput = z
  .strictObject({
    problemId: z.string().min(1).max(64),
    action: z.string().trim().min(4).max(500),
    post: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .superRefine((v, ctx) => {
        const problem = postProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    deadline: day,
  })
  .meta({ id: 'MeasureInput' });
export type MeasureInput = z.infer<typeof MeasureInput>;

/** A change of what, who (post) or when; the problem a measure answers does not change. */
export const MeasureChange = MeasureInput.omit({ problemId: true })
  .extend({ version: ReadVersion })
  .meta({ id: 'MeasureChange' });
export type MeasureChange = z.infer<typeof MeasureChange>;

export const ProgressInput = z
  .strictObject({
    note: z.string().trim().min(2).max(500),
    state: z.enum(measureStates),
    version: ReadVersion,
  })
  .meta({ id: 'ProgressInput' });
export type ProgressInput = z.infer<typeof ProgressInput>;

/**
 * A measure (the unit's or a member's) after dated progress: the note for
 * today in China and the state it leaves the measure in, one version on.
 */
export const withProgress = <M extends Pick<Measure, 'progress' | 'version'>>(
  before: M,
  input: Pick<ProgressInput, 'note' | 'state'>,
  now: Date,
): M => ({
  ...before,
  state: input.state,
  progress: [...before.progress, { on: chinaDay(now), note: input.note, state: input.state }],
  updatedAt: now.toISOString(),
  version: before.version + 1,
});

/** A change made from an older read of the measure: refused, saying what the measure is now. */
export const measureChanged = (now: Measure) =>
  fail(
    'MEASURE_CHANGED',
    `现在的措施为“${now.action}”，责任岗位为${now.post}，` +
      `完成时限为${now.deadline}，状态为${measureStateLabels[now.state]}`,
  );

/** Overdue: not done, and its deadline (a day in China) is before `today`. */
export const isOverdue = (m: Pick<Measure, 'state' | 'deadline'>, today: string) =>
  m.state !== 'done' && m.deadline < today;

/** Days a measure is late on `today` (0 when not overdue). */
export function daysLate(m: Pick<Measure, 'state' | 'deadline'>, today: string): number {
  if (!isOverdue(m, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${m.deadline}T00:00:00Z`)) / 86_400_000);
}

/** What the masses see of a measure (disclosure page, receipt look-up). */
export const publicMeasure = (m: Measure) => ({
  id: m.id,
  action: m.action,
  post: m.post,
  deadline: m.deadline,
  state: m.state,
  progress: m.progress,
});
export type PublicMeasure = ReturnType<typeof publicMeasure>;

/**
 * The rectification section of a disclosure as it is hashed and logged: every
 * measure with its problem and progress, by id, and the latest counted
 * evaluation (null before one). Each change of it after the report is
 * approved is an entry in the campaign's publication log.
 */
export interface PublishedRectification {
  measures: (PublicMeasure & { problemId: string })[];
  evaluation: PublicEvaluation | null;
}

export const publishedRectification = (
  measures: Measure[],
  evaluation: PublicEvaluation | undefined,
): PublishedRectification => ({
  measures: [...measures]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => ({ ...publicMeasure(m), problemId: m.problemId })),
  evaluation: evaluation ?? null,
});

/** Nothing to log yet: no measure and no evaluation (as at the report's approval). */
export const nothingRectified = (r: PublishedRectification) =>
  r.measures.length === 0 && r.evaluation === null;

/**
 * A unit's rectification as the masses see it (disclosure page, receipt
 * look-up): each problem, most gathered first, with its measures, and the
 * latest counted satisfaction evaluation; `content` is the part that is hashed.
 */
export interface PublicRectification {
  problems: (Problem & { measures: PublicMeasure[] })[];
  anyMeasure: boolean;
  evaluation: PublicEvaluation | undefined;
  content: PublishedRectification;
}

/** The rectification as pages show it: each problem, most gathered first, with its measures; and what is hashed. */
export const rectificationView = (
  problems: Problem[],
  measures: Measure[],
  evaluation: PublicEvaluation | undefined,
): PublicRectification => ({
  problems: byWeight(problems).map((p) => ({
    ...p,
    measures: measures.filter((m) => m.problemId === p.id).map(publicMeasure),
  })),
  anyMeasure: measures.length > 0,
  evaluation,
  content: publishedRectification(measures, evaluation),
});

/** Overdue measures across units, as the supervision group and the office list them. */
export const OverdueMeasures = z
  .object({
    items: z.array(
      z.object({ unitId: z.string(), unitName: z.string(), daysLate: z.number(), measure: Measure }),
    ),
  })
  .meta({ id: 'OverdueMeasures' });
export type OverdueMeasures = z.infer<typeof OverdueMeasures>;
