import { getOpinionCounts } from '../data/repos/opinion-aggregates';
import { getReport } from '../data/repos/reports';
import { allSessions, getSealedResults } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Unit } from '../domain/org';
import type { UnitOverview } from '../domain/overview';
import { ResultsView } from '../domain/review-views';

const Tally = ResultsView.shape.tally;

/**
 * Each unit's line in an overview: stage, opinions received (the live count),
 * the latest counted review session's turnout, 满意率 and flags, and the
 * report's state and wait. A handful of reads per unit, none per opinion.
 */
export async function overviewOf(deps: Deps, units: Unit[]): Promise<UnitOverview[]> {
  const now = deps.now().getTime();
  return Promise.all(
    units.map(async (u) => {
      const [counts, report, sessions] = await Promise.all([
        getOpinionCounts(deps, u.id),
        getReport(deps, u.id),
        allSessions(deps, u.id),
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
        reportState: report?.state ?? null,
        waitingDays:
          report?.state === 'submitted' && report.submittedAt
            ? Math.floor((now - Date.parse(report.submittedAt)) / 86_400_000)
            : null,
      };
    }),
  );
}
