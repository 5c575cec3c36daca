import { getEvaluation } from '../data/repos/evaluations';
import { getSession } from '../data/repos/sessions';
import { ttlCache } from '../data/ttl-cache';
import type { Deps } from '../deps';
import { normalizeCode } from '../domain/ballot-code';
import type { Evaluation } from '../domain/evaluation';
import { parseInput } from '../domain/input';
import { RequestToken } from '../domain/public-forms';
import { ballotMarks, checkMarksOfGroup, type ReviewSession, sessionState } from '../domain/review';
import { cachedBy } from '../domain/schema-cache';
import { windowClosedError, windowState } from '../domain/time-window';
import { VoterGroup } from '../domain/vote';
import { notFound } from '../errors';
import { type Brakes, spend } from './flood-brake';
import { castBallot, codeRevoked, codeUsed, findCode } from './vote-cast';

/** One cast as the page or the JSON API sends it: the page's token, the voter group and the marks. */
// Built once per session (its members, comments and 不了解 are fixed when it opens).
const castInput = cachedBy(
  (session: ReviewSession) => session.id,
  (session: ReviewSession) =>
    ballotMarks(session)
      .extend({ requestToken: RequestToken, voterGroup: VoterGroup })
      .superRefine(checkMarksOfGroup(session)),
);

/** A code that is not one of ours, or whose vote is gone. */
export const invalidCode = () => notFound('选票码无效，请核对二维码或选票上的号码');

/** What a usable code opens: its review session's ballot, or its evaluation's page. */
export type CodePage =
  | { kind: 'review'; code: string; voterGroup: VoterGroup; session: ReviewSession }
  | { kind: 'evaluation'; code: string; voterGroup: VoterGroup; evaluation: Evaluation };

/**
 * The voters' side of democratic review (`/b/{code}` and its JSON), for
 * anyone holding a single-use code. The window is checked on the code inside
 * the casting transaction, so a session may come from a short cache: a cast
 * costs one transaction and no read.
 */
export function ballotDesk(deps: Deps, brakes: Brakes) {
  const cachedSession = ttlCache((id) => getSession(deps, id), 30_000);

  /**
   * The page a code opens. Its state decides: a used, revoked or unknown code
   * never gets the form; one slip format and one code entry for every vote, so
   * an evaluation code opens its evaluation. The vote must be open now.
   */
  async function codePage(typed: string): Promise<CodePage> {
    const code = normalizeCode(typed);
    const found = code ? await findCode(deps, code) : undefined;
    if (!code || !found) throw invalidCode();
    if (found.state === 'used') throw codeUsed();
    if (found.state === 'revoked') throw codeRevoked();
    const now = deps.now();
    if (found.kind === 'evaluation') {
      const evaluation = await getEvaluation(deps, found.voteId);
      if (!evaluation) throw invalidCode();
      if (windowState(evaluation, now) !== 'open') throw windowClosedError('evaluation', evaluation, now);
      return { kind: 'evaluation', code, voterGroup: found.voterGroup, evaluation };
    }
    const session = await getSession(deps, found.voteId);
    if (!session) throw invalidCode();
    if (sessionState(session, now) !== 'open') throw windowClosedError('session', session, now);
    return { kind: 'review', code, voterGroup: found.voterGroup, session };
  }

  /** The session a posted page or a JSON cast names (short cache); undefined if there is none. */
  const session = (id: string): Promise<ReviewSession | undefined> => cachedSession(id);

  /**
   * Validates a cast (400 naming each field), spends the flood brake, and
   * casts with the code: the one path of the page and the JSON API. Casting
   * checks that the code really belongs to the session.
   */
  async function cast(on: ReviewSession, code: string, raw: unknown) {
    const { requestToken, voterGroup, ...marks } = parseInput(castInput(on), raw);
    spend(brakes.submissions, on.id);
    return castBallot(deps, 'review', on, { code, voterGroup, requestToken, marks });
  }

  return { codePage, session, cast };
}
