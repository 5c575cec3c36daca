import type { Deps } from '../deps';
import { type Evaluation, type EvaluationView, evaluationPhase } from '../domain/evaluation';
import { publicUrl } from '../http/public-url';

/** An evaluation as the API answers it and the console shows it: its phase now and, by link, its public link. */
export const evaluationView = (deps: Deps, e: Evaluation): EvaluationView => ({
  ...e,
  state: evaluationPhase(e, deps.now()),
  ...(e.mode === 'link' ? { link: publicUrl(deps.config.PUBLIC_BASE_URL, `/e/${e.id}`) } : {}),
});
