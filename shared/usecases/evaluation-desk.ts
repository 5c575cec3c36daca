import { getEvaluation } from '../data/repos/evaluations';
import { ttlCache } from '../data/ttl-cache';
import type { Deps } from '../deps';
import { type Evaluation, evaluationMarks } from '../domain/evaluation';
import { parseInput } from '../domain/input';
import { RequestToken, roundTokenPattern } from '../domain/public-forms';
import { cachedBy } from '../domain/schema-cache';
import { windowClosedError, windowState } from '../domain/time-window';
import { VoterGroup } from '../domain/vote';
import { fail, notFound } from '../errors';
import { type Brakes, spend } from './flood-brake';
import { castBallot, castOpenBallot } from './vote-cast';

// Built once per evaluation (its items are fixed when it opens).
const castInput = cachedBy(
  (e: Evaluation) => e.id,
  (e: Evaluation) =>
    evaluationMarks(e).extend({ requestToken: RequestToken, voterGroup: VoterGroup.default('mass') }),
);

/** An evaluation address that names none of ours. */
export const unknownEvaluation = () => notFound('找不到这次测评，请确认二维码或链接是否完整');
const codeRequired = () => fail('CODE_REQUIRED');

/**
 * The masses' side of a satisfaction evaluation (`/e/{id}` and its JSON).
 * Like an opinion round, the evaluation comes from a short cache: a link
 * ballot costs one write and no read. An early close reaches this instance
 * within 30 s; counting waits a minute after the close.
 */
export function evaluationDesk(deps: Deps, brakes: Brakes) {
  const cached = ttlCache((id) => getEvaluation(deps, id), 30_000);

  /** The evaluation an address names (short cache); an unknown or malformed one is a 404. */
  async function evaluation(id: string): Promise<Evaluation> {
    const found = roundTokenPattern.test(id) ? await cached(id) : undefined;
    if (!found) throw unknownEvaluation();
    return found;
  }

  /** The page of a link evaluation: one cast with codes is reached by its code, and it must be open. */
  async function linkPage(id: string): Promise<Evaluation> {
    const e = await evaluation(id);
    if (e.mode === 'codes') throw codeRequired();
    if (windowState(e, deps.now()) !== 'open') throw windowClosedError('evaluation', e, deps.now());
    return e;
  }

  /**
   * Validates (400 naming each field), spends the flood brake and casts: with
   * the code if there is one, else by the open link. The page carries the
   * code's voter group; the casting transaction checks it against the code.
   */
  async function cast(e: Evaluation, code: string | undefined, raw: unknown) {
    const { requestToken, voterGroup, ...marks } = parseInput(castInput(e), raw);
    if (e.mode === 'codes' && !code) throw codeRequired();
    spend(brakes.submissions, e.id);
    if (e.mode === 'link') return castOpenBallot(deps, 'evaluation', e, { requestToken, marks });
    return castBallot(deps, 'evaluation', e, { code: code ?? '', voterGroup, requestToken, marks });
  }

  return { evaluation, linkPage, cast };
}
