import type { Evaluation } from '../domain/evaluation';
import { fail } from '../errors';
import { evaluationFor } from './access';
import type { VoteCodeSpec } from './vote-codes';

/**
 * A satisfaction evaluation's single-use codes: run by whoever collects for
 * its unit; an evaluation by public link takes none (409).
 */
export const evaluationCodes: VoteCodeSpec<Evaluation> = {
  kind: 'evaluation',
  load: evaluationFor,
  target: (e) => `unit:${e.unitId}/evaluation:${e.id}`,
  check: (e) => {
    if (e.mode !== 'codes') throw fail('LINK_EVALUATION');
  },
};
