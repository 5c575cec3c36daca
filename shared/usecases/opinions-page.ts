import { getOpinionCounts } from '../data/repos/opinion-aggregates';
import { allOpinions } from '../data/repos/opinions';
import { problemsOf } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { OpinionFilters } from '../domain/opinion';
import type { OpinionListPage } from '../domain/opinion-list';
import type { OpinionSummary } from '../domain/opinion-summary';
import type { Unit } from '../domain/org';
import { byWeight, type Problem } from '../domain/report';
import { campaignOfUnit, unitFor } from './access';
import { type ListPage, opinionPage } from './list-opinions';
import { summaryOf } from './summarize-opinions';

/**
 * What the console's opinions page shows, for those who may read the unit:
 * the unit (read and authorized once), its counts over all rounds, one
 * page of its opinions, both with the campaign's k, and its problem list
 * (which problem each opinion is merged into), read in parallel.
 */
export async function opinionsPage(
  deps: Deps,
  who: Principal,
  unitId: string,
  filters: OpinionFilters,
  page: ListPage,
): Promise<{ unit: Unit; summary: OpinionSummary; list: OpinionListPage; problems: Problem[] }> {
  const unit = await unitFor(deps, who, 'read', unitId);
  const k = (await campaignOfUnit(deps, who, unit)).settings.anonymityK;
  const [opinions, counts, problems] = await Promise.all([
    allOpinions(deps, unit.id, filters.roundId),
    getOpinionCounts(deps, unit.id),
    problemsOf(deps, unit.id),
  ]);
  return {
    unit,
    summary: summaryOf(counts, unit.type, k),
    list: opinionPage(opinions, k, filters, page),
    problems: byWeight(problems),
  };
}
