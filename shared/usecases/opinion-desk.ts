import { createHash } from 'node:crypto';
import { getAnalysesDisclosure } from '../data/repos/analyses-disclosures';
import { getReport } from '../data/repos/reports';
import { getRound } from '../data/repos/rounds';
import { ttlCache } from '../data/ttl-cache';
import type { Deps } from '../deps';
import { canonicalJson } from '../domain/canonical-json';
import { parseInput } from '../domain/input';
import { type OpinionInput, opinionInput } from '../domain/opinion';
import { roundTokenPattern } from '../domain/public-forms';
import { publicDisclosureToken } from '../domain/report';
import { type Round, roundState } from '../domain/round';
import { windowClosedError } from '../domain/time-window';
import { AppError, notFound } from '../errors';
import { type Brakes, spend } from './flood-brake';
import { type ReceiptStatus, receiptStatus } from './receipt-status';
import { type Submitted, submitOpinion } from './submit-opinion';

/** The id of an edited resend: derived from the page's id and what is sent now, so it is stable per content. */
const editedResendId = (input: OpinionInput) =>
  createHash('sha256')
    .update(`edited:${input.submissionId}:${canonicalJson(input)}`)
    .digest('base64url')
    .slice(0, 22);

/** The unit's public pages a round's page links to. */
export interface UnitLinks {
  disclosurePath?: string;
  analysesPath?: string;
}

const unknownLink = () => notFound('找不到这个征求意见页面，请确认二维码或链接是否完整');

/**
 * The masses' side of an opinion round (`/f/{token}` and its JSON), for
 * anyone holding the round's link: nobody signs in, the link is the key.
 * Built once per instance: the round and the unit's report come from short
 * caches, so a submission costs exactly one write and no read. The price: an
 * early close reaches this instance's submissions within 30 s (see README).
 */
export function opinionDesk(deps: Deps, brakes: Brakes) {
  const cachedRound = ttlCache((token) => getRound(deps, token), 30_000);
  const cachedReport = ttlCache((unitId) => getReport(deps, unitId), 30_000);
  const cachedAnalyses = ttlCache((unitId) => getAnalysesDisclosure(deps, unitId), 30_000);

  /**
   * The unit's public pages for everyone holding its QR link: its disclosure
   * once its report is approved, its members' 党性分析 materials once
   * published to the whole unit.
   */
  async function linksOf(round: Round): Promise<UnitLinks> {
    const [report, analyses] = await Promise.all([cachedReport(round.unitId), cachedAnalyses(round.unitId)]);
    const token = publicDisclosureToken(report);
    return {
      ...(token ? { disclosurePath: `/p/${token}` } : {}),
      ...(analyses?.content.scope === 'unit' ? { analysesPath: `/a/${analyses.token}` } : {}),
    };
  }

  /** The round of a link (short cache); an unknown or malformed link is a 404. */
  async function round(token: string): Promise<Round> {
    const found = roundTokenPattern.test(token) ? await cachedRound(token) : undefined;
    if (!found) throw unknownLink();
    return found;
  }

  /**
   * The form page: the round read fresh (a round closed a moment ago already
   * says so), the unit's public pages if any, and why it takes no opinions now.
   */
  async function formPage(token: string): Promise<{ round: Round; links: UnitLinks; closed?: AppError }> {
    const found = roundTokenPattern.test(token) ? await getRound(deps, token) : undefined;
    if (!found) throw unknownLink();
    const links = await linksOf(found);
    const now = deps.now();
    if (roundState(found, now) === 'open') return { round: found, links };
    return { round: found, links, closed: windowClosedError('round', found, now) };
  }

  /** Spends the flood brake, validates (400 naming each field) and stores once. */
  async function submit(on: Round, body: unknown): Promise<Submitted> {
    spend(brakes.submissions, on.id);
    return submitOpinion(deps, on, parseInput(opinionInput(on), body));
  }

  /**
   * The form page's post: as `submit`, and a page sent again after the person
   * went back and changed what they wrote is a new opinion, under an id
   * derived from the first one and the new content (so a refresh of this post
   * is still stored once).
   */
  async function send(on: Round, body: unknown): Promise<Submitted> {
    spend(brakes.submissions, on.id);
    const input = parseInput(opinionInput(on), body);
    return submitOpinion(deps, on, input).catch((err) => {
      if (!(err instanceof AppError && err.code === 'SUBMISSION_CONFLICT')) throw err;
      return submitOpinion(deps, on, { ...input, submissionId: editedResendId(input) });
    });
  }

  /**
   * A receipt look-up (normalised receipt). Receipts could be guessed, so
   * look-ups are braked too, on their own budget: guessing never spends the
   * budget of the round's submissions.
   */
  async function lookUp(on: Round, receipt: string): Promise<ReceiptStatus> {
    spend(brakes.lookUps, on.id);
    return receiptStatus(deps, on, receipt);
  }

  return { round, formPage, submit, send, lookUp };
}
