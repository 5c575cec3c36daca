import * as z from 'zod';
import { Promised } from './campaign';
import { UnitType } from './org';
import { storedWindow, type WindowState, windowInput, windowState } from './time-window';

export const CustomQuestion = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]{1,12}$/, '题目编号为1-12位小写字母或数字'),
    type: z.enum(['single', 'multiple', 'text']),
    label: z.string().trim().min(2).max(100),
    options: z.array(z.string().trim().min(1).max(40)).min(2).max(8).optional(),
    required: z.boolean().default(false),
  })
  .refine((q) => (q.type === 'text') === (q.options === undefined), {
    message: '选择题需要2-8个选项，填空题不设选项',
    path: ['options'],
  })
  .meta({ id: 'CustomQuestion' });
export type CustomQuestion = z.infer<typeof CustomQuestion>;

export const CustomQuestions = z
  .array(CustomQuestion)
  .max(5, '最多5个自定义题目')
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, '题目编号不能重复');

export const FormVersion = z.object({ version: z.number().int().min(1), questions: z.array(CustomQuestion) });
export type FormVersion = z.infer<typeof FormVersion>;

export const RoundInput = z
  .strictObject({
    ...windowInput,
    questions: CustomQuestions.default([]),
  })
  .meta({ id: 'RoundInput' });
/** Opening a round: its window and its custom questions (none by default). */
export type RoundInput = z.infer<typeof RoundInput>;

/** Replacing a round's custom questions. */
export const FormInput = z.strictObject({ questions: CustomQuestions });

/** An opinion-collection round; its id is the unguessable token in the public link. */
export const Round = z
  .object({
    id: z.string(),
    unitId: z.string(),
    campaignId: z.string(),
    groupId: z.string(),
    unitName: z.string(),
    unitType: UnitType,
    ...storedWindow,
    form: FormVersion,
    createdAt: z.string(),
    createdBy: z.string(),
    /** What its pages promise (k, the 补课 threshold), as the campaign's settings were at opening. */
    promised: Promised.optional(),
  })
  .meta({ id: 'Round' });
export type Round = z.infer<typeof Round>;

/** A round as the API answers it: with its public link and its state at the time of the answer. */
export const RoundView = Round.extend({
  link: z.url(),
  state: z.enum(['notYetOpen', 'open', 'closed']),
}).meta({ id: 'RoundView' });
export type RoundView = z.infer<typeof RoundView>;

/** Whether a round takes opinions at `now`. */
export const roundState: (round: Round, now: Date) => WindowState = windowState;
