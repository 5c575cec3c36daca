import type { CampaignSettings } from './campaign';
import type { Evaluation, EvaluationBallot, EvaluationResults } from './evaluation';
import type { Satisfaction } from './review';
import {
  meetsSatisfaction,
  type SatisfactionCounts,
  satisfactionRate,
  zeroSatisfaction as zero,
} from './satisfaction';

/**
 * Counts an evaluation's ballots. Every ballot answers every question, so
 * all questions have the same number of answers and none can be had from
 * another by subtraction; voter groups are not shown apart. Fewer than k
 * ballots show nothing but their number, and the evaluation is not valid:
 * the unit is flagged for 补课 without any answer being looked at. Otherwise
 * the unit is flagged when nobody could judge (all 不了解) or when the
 * overall 满意率 is below the campaign's threshold; the measures that fell
 * short are named either way. A poll (open link) flags nothing: its
 * figures are for reference (意见征询，仅供参考) and no verdict rests on them.
 */
export function tallyEvaluation(
  evaluation: Pick<Evaluation, 'items' | 'mode'>,
  ballots: Pick<EvaluationBallot, 'overall' | 'measures'>[],
  settings: Pick<CampaignSettings, 'anonymityK' | 'satisfactionThreshold'>,
  unresolvedSlips: number[] = [],
): EvaluationResults {
  // A poll by open link takes any number of answers from anyone: it informs, never decides.
  const poll = evaluation.mode === 'link';
  const threshold = settings.satisfactionThreshold;
  const withheld = ballots.length < settings.anonymityK;
  const overall = zero();
  const perMeasure = new Map(evaluation.items.map((i) => [i.measureId, zero()]));
  for (const b of ballots) {
    overall[b.overall] += 1;
    for (const [id, answer] of Object.entries(b.measures) as [string, Satisfaction][]) {
      const counts = perMeasure.get(id);
      if (counts) counts[answer] += 1;
    }
  }
  const result = (c: SatisfactionCounts) => ({
    counts: withheld ? null : c,
    rate: withheld ? null : satisfactionRate(c),
  });
  const measures = evaluation.items.map((item) => {
    const c = perMeasure.get(item.measureId) ?? zero();
    return {
      ...item,
      ...result(c),
      shortfall: !withheld && meetsSatisfaction(c, threshold) !== true,
    };
  });
  const meets = meetsSatisfaction(overall, threshold);
  const shortfall = withheld ? 'tooFew' : meets === null ? 'noRate' : meets ? null : 'below';
  const reason = poll ? null : shortfall;
  return {
    ballots: ballots.length,
    poll,
    unresolvedSlips,
    withheld,
    threshold,
    overall: result(overall),
    measures,
    remedial: {
      flagged: reason !== null,
      reason,
      shortMeasures: measures.filter((m) => m.shortfall).map((m) => m.measureId),
    },
  };
}
