/** What the form shows back: the person's input, typed or not yet valid, so nothing is lost. */
export interface OpinionFormValues {
  respondent?: string | undefined;
  about: string[];
  focus: string[];
  problems: string[];
  opinion: string;
  suggestion: string;
  answers: Record<string, string | string[]>;
}

export const emptyValues: OpinionFormValues = {
  about: [],
  focus: [],
  problems: [],
  opinion: '',
  suggestion: '',
  answers: {},
};

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
const text = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';

/**
 * Turns a posted form (fields possibly repeated) into the JSON shape the
 * opinion schema checks, keeping unknown fields so the schema can refuse them.
 */
export function formToInput(
  form: Record<string, unknown>,
  questionTypes: Record<string, 'single' | 'multiple' | 'text'>,
) {
  const answers: Record<string, string | string[]> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith('q_')) {
      const id = key.slice(2);
      answers[id] = questionTypes[id] === 'multiple' ? list(value) : text(value);
    } else if (
      !['submissionId', 'respondent', 'about', 'focus', 'problems', 'opinion', 'suggestion'].includes(key)
    ) {
      rest[key] = value;
    }
  }
  const respondent = text(form.respondent);
  return {
    ...rest,
    // The page's hidden id: sent twice or not as text, it stays as it came for the schema to refuse.
    submissionId: typeof form.submissionId === 'string' ? form.submissionId : (form.submissionId ?? ''),
    ...(respondent ? { respondent } : {}),
    about: list(form.about),
    focus: list(form.focus),
    problems: list(form.problems),
    opinion: text(form.opinion),
    suggestion: text(form.suggestion),
    answers,
  };
}
