import * as z from 'zod';
import { hashOf } from './canonical-json';
import { maskPersonalData } from './mask';
import { aboutOptions, focusAreas, problemLabels, respondentOptions, textLimits } from './opinion-form';
import type { CustomQuestion, Round } from './round';
import { cachedBy } from './schema-cache';

const keysOf = (o: Record<string, string>) => Object.keys(o) as [string, ...string[]];

function choice(keys: string[]) {
  return keys.length > 0 ? z.enum(keys as [string, ...string[]]) : z.never();
}

function answerSchema(q: CustomQuestion) {
  if (q.type === 'text') return z.string().trim().max(textLimits.customText);
  const option = z.enum(q.options as [string, ...string[]]);
  return q.type === 'single' ? option : z.array(option).max(q.options?.length ?? 0);
}

/** The submission id rendered into the page: 16 random bytes, base64url. */
export const SubmissionId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, '页面已失效，请刷新后重新填写');

/**
 * The schema of one opinion for a round: the seed's choices for the unit's
 * type, free text with length limits, and the round's custom questions.
 * Unknown fields are refused; an opinion must say something.
 */
export const opinionInput = cachedBy(
  // Everything the schema depends on: the unit type's focus areas and this version of the form.
  (round: Round) => `${round.id}#${round.form.version}#${round.unitType}`,
  buildOpinionInput,
);
function buildOpinionInput(round: Round) {
  const answers = Object.fromEntries(
    round.form.questions.map((q) => {
      const s = answerSchema(q);
      return [q.id, q.required ? s : s.optional()];
    }),
  );
  return z
    .strictObject({
      submissionId: SubmissionId,
      respondent: z.enum(keysOf(respondentOptions)).optional(),
      about: z
        .array(z.enum(keysOf(aboutOptions)))
        .max(3)
        .default([]),
      focus: z
        .array(choice(Object.keys(focusAreas[round.unitType])))
        .max(8)
        .default([]),
      problems: z
        .array(z.enum(keysOf(problemLabels)))
        .max(12)
        .default([]),
      opinion: z.string().trim().max(textLimits.opinion, `意见不超过${textLimits.opinion}字`).default(''),
      suggestion: z
        .string()
        .trim()
        .max(textLimits.suggestion, `建议不超过${textLimits.suggestion}字`)
        .default(''),
      answers: z.strictObject(answers).default({}),
    })
    .refine((o) => o.opinion !== '' || o.suggestion !== '' || o.focus.length + o.problems.length > 0, {
      message: '请至少写下意见或建议，或勾选一项问题',
      path: ['opinion'],
    });
}
export type OpinionInput = z.infer<ReturnType<typeof opinionInput>>;

/** What is stored of an opinion: no account, no IP, no user agent, and only the day. */
export const Opinion = z
  .object({
    roundId: z.string(),
    unitId: z.string(),
    formVersion: z.number().int(),
    day: z.string(),
    respondent: z.enum(keysOf(respondentOptions)).optional(),
    about: z.array(z.string()),
    focus: z.array(z.string()),
    problems: z.array(z.string()),
    opinion: z.string(),
    suggestion: z.string(),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    receipt: z.string(),
    contentHash: z.string(),
  })
  .meta({ id: 'Opinion' });
export type Opinion = z.infer<typeof Opinion>;

/** A stored opinion with its reference (its submission id), by which problems name the opinions merged into them. */
export type ReferencedOpinion = Opinion & { ref: string };

/** An opinion as the console lists it: without its receipt and content hash. */
export const OpinionView = Opinion.omit({ contentHash: true, receipt: true }).meta({ id: 'OpinionView' });
export type OpinionView = z.infer<typeof OpinionView>;

const filterCode = z.string().regex(/^[a-zA-Z]{1,32}$/);
/** The filters of the opinion list (all must hold). */
export const OpinionFilters = z.strictObject({
  roundId: z.string().max(64).optional(),
  about: filterCode.optional(),
  focus: filterCode.optional(),
  problem: filterCode.optional(),
  respondent: z.enum(keysOf(respondentOptions)).optional(),
});
export type OpinionFilters = z.infer<typeof OpinionFilters>;

/** The query of the opinion list: a page (as every list's `?limit=&cursor=`) and the filters. */
export const OpinionListQuery = OpinionFilters.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

/** The query of the opinion summary: one round or all, as JSON or as the 汇总 sheet's CSV. */
export const OpinionSummaryQuery = z.strictObject({
  roundId: z.string().max(64).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
/** The query of the opinion export: the file's format, one round or all. */
export const OpinionExportQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  roundId: z.string().max(64).optional(),
});

/** The content of a submission with personal data masked, and a hash that tells a retry from a different text. */
export function storedContent(input: OpinionInput) {
  const { submissionId: _, ...rest } = input;
  const content = {
    ...rest,
    opinion: maskPersonalData(rest.opinion),
    suggestion: maskPersonalData(rest.suggestion),
    answers: Object.fromEntries(
      Object.entries(rest.answers).flatMap(([k, v]): [string, string | string[]][] =>
        v === undefined || v === '' ? [] : [[k, typeof v === 'string' ? maskPersonalData(v) : v]],
      ),
    ),
  };
  return { content, contentHash: hashOf(content, 'base64url') };
}
