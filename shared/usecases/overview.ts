import { measuresOf } from '../data/repos/measures';
import { getOpinionCounts } from '../data/repos/opinion-aggregates';
import { getReport } from '../data/repos/reports';
import { allSessions, getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import { chinaDay } from '../domain/china-day';
import type { Unit } from '../domain/org';
import type { UnitOverview } from '../domain/overview';
import { isOverdue } from '../domain/rectification';
import { ResultsView } from '../domain/review-views';

const Tally = ResultsView.shape.tally;

/**
 * Each unit's line in an overview: stage, opinions received (the live count),
 * the latest counted review session's turnout, 满意率 and flags, the
 * report's state and wait, and in rectification the latest evaluation's
 * 满意率, its 补课 flag and the overdue measures. A handful of reads per
 * unit, none per opinion.
 */
export async function overviewOf(deps: Deps, units: Unit[]): Promise<UnitOverview[]> {
  const now = deps.now().getTime();
  const today = chinaDay(deps.now());
  return Promise.all(
    units.map(async (u) => {
      const [counts, report, sessions, measures] = await Promise.all([
        getOpinionCounts(deps, u.id),
        getReport(deps, u.id),
        allSessions(deps, u.id),
        u.stage === 'rectification' || u.stage === 'concluded' ? measuresOf(deps, u.id) : [],
      ]);
      const latest = sessions
        .filter((s) => s.countedAt)
        .sort((a, b) => ((a.countedAt ?? '') < (b.countedAt ?? '') ? 1 : -1))[0];
      const sealed = latest ? await getSealedResults(deps, latest.id) : undefined;
      const tally = sealed ? Tally.safeParse(sealed.tally) : undefined;
      const t = tally?.success ? tally.data : undefined;
      const due = latest ? latest.due.member + latest.due.mass : 0;
      return {
        unitId: u.id,
        name: u.name,
        type: u.type,
        groupId: u.groupId,
        stage: u.stage,
        stageRequested: Boolean(u.stageRequest),
        opinions: counts.total ?? 0,
        turnout: t && due > 0 ? t.ballots.total / due : null,
        satisfactionRate: t?.leadership.satisfactionRate ?? null,
        remedial: t?.leadership.remedial ?? false,
        incompetentFlags: t ? t.members.filter((m) => m.flagIncompetent).length : 0,
        rectificationRate: u.lastEvaluation?.rate ?? null,
        rectificationRemedial: u.lastEvaluation?.remedial ?? false,
        overdueMeasures: measures.filter((m) => isOverdue(m, today)).length,
        reportState: report?.state ?? null,
        waitingDays:
          report?.state === 'submitted' && report.submittedAt
            ? Math.floor((now - Date.parse(report.submittedAt)) / 86_400_000)
            : null,
      };
    }),
  );
}
