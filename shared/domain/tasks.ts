import type { UnitOverview } from './overview';
import { teamAnalysisId } from './self-analysis';

/** One thing waiting for a person, as a link to the exact page where it is done. */
export interface Task {
  text: string;
  href: string;
  /** Why now, or for how long it has waited. */
  note?: string;
  urgent: boolean;
}

const urgentFirst = (tasks: Task[]) => [...tasks].sort((a, b) => Number(b.urgent) - Number(a.urgent));

/**
 * What waits for a supervision group (or the office) across its units, most
 * urgent first: paper slips for `username` to enter as a teller, review counts
 * to confirm (by anyone who is not one of its tellers), reports to approve or
 * return (oldest first), 党性分析 materials to check, stage requests to
 * decide, evaluations to count,
 * rectification to press where measures are late or the masses were not
 * satisfied.
 */
export function supervisionTasks(rows: UnitOverview[], username = ''): Task[] {
  const unit = (r: UnitOverview, path = '') => `/console/units/${r.unitId}${path}`;
  const counts = rows.flatMap((r) =>
    r.reviewsToCount
      .filter((s) => s.closed)
      .map((s) => {
        const href = `/console/review-sessions/${s.id}`;
        if (s.tellers.includes(username)) {
          return s.paperIssued > 0
            ? { text: `录入民主评议纸质票：${r.name}`, href, note: `发出 ${s.paperIssued} 张`, urgent: false }
            : undefined;
        }
        return { text: `确认民主评议计票：${r.name}`, href, note: '评议已结束', urgent: false };
      })
      .filter((t) => t !== undefined),
  );
  const reports = rows
    .filter((r) => r.reportState === 'submitted')
    .sort((a, b) => (b.waitingDays ?? 0) - (a.waitingDays ?? 0))
    .map((r) => ({
      text: `审核分析评议报告：${r.name}`,
      href: unit(r, '/report'),
      note: r.waitingDays ? `已等 ${r.waitingDays} 天` : '今天报来',
      urgent: (r.waitingDays ?? 0) >= 3,
    }));
  const requests = rows
    .filter((r) => r.stageRequested)
    .map((r) => ({ text: `审批转段申请：${r.name}`, href: unit(r), urgent: false }));
  const analyses = rows
    .filter((r) => r.analyses.waiting > 0)
    .map((r) => ({
      text: `党性分析材料待组织把关：${r.name}`,
      href: unit(r, '/self-analyses'),
      note: `${r.analyses.waiting} 份`,
      urgent: false,
    }));
  const teams = rows
    .filter((r) => r.analyses.teamWaiting)
    .map((r) => ({
      text: `审核领导班子分析检查报告：${r.name}`,
      href: unit(r, `/self-analyses/${teamAnalysisId(r.unitId)}`),
      urgent: false,
    }));
  const evaluations = rows
    .filter((r) => r.pendingEvaluation)
    .map((r) => ({
      text: `满意度测评结束后计票：${r.name}`,
      href: `/console/evaluations/${r.pendingEvaluation}`,
      urgent: false,
    }));
  const pressing = rows.flatMap((r) => [
    ...(r.overdueMeasures > 0
      ? [
          {
            text: `督促整改：${r.name}有 ${r.overdueMeasures} 项措施超过时限`,
            href: unit(r, '/measures'),
            urgent: true,
          },
        ]
      : []),
    ...(r.rectificationRemedial
      ? [{ text: `整改测评未达标，督促补课：${r.name}`, href: unit(r, '/evaluations'), urgent: true }]
      : []),
  ]);
  return urgentFirst([
    ...counts,
    ...reports,
    ...teams,
    ...analyses,
    ...requests,
    ...evaluations,
    ...pressing,
  ]);
}

/** One step of a unit's campaign, in order: done, the next one, or still to come. */
export interface Step {
  label: string;
  href: string;
  state: 'done' | 'next' | 'later';
}

/** What a unit's own page knows of where it stands. */
export interface UnitProgress {
  unitId: string;
  stage: string;
  stageRequested: boolean;
  rounds: number;
  sessionCounted: boolean;
  report: 'draft' | 'submitted' | 'approved' | null;
  evaluated: boolean;
  remedial: boolean;
}

/**
 * The campaign's steps for one unit, from 学习动员 to 活动结束, each a link to
 * where it is done; the first step not done is the next one.
 */
export function unitSteps(u: UnitProgress): Step[] {
  const base = `/console/units/${u.unitId}`;
  const order = ['study', 'appraisal', 'rectification', 'concluded'];
  const reached = (stage: string) => order.indexOf(u.stage) >= order.indexOf(stage);
  const steps: [string, string, boolean][] = [
    ['学习动员，申请转入分析评议', `${base}#stage`, reached('appraisal')],
    ['征求群众意见（二维码意见表）', `${base}#rounds`, u.rounds > 0],
    ['民主评议党员，计票并组织评定', `${base}#review`, u.sessionCounted],
    ['梳理归并问题，生成分析评议报告', `${base}/opinions`, u.report !== null],
    ['预览并报督导组', `${base}/report`, u.report === 'submitted' || u.report === 'approved'],
    ['督导组认可并公开', `${base}/report`, u.report === 'approved'],
    ['申请转入整改提高', `${base}#stage`, reached('rectification')],
    ['针对问题制定整改措施，记录进展', `${base}/measures`, u.evaluated],
    ['群众满意度测评', `${base}/evaluations`, u.evaluated && !u.remedial],
    ['申请活动结束', `${base}#stage`, reached('concluded')],
  ];
  let nextGiven = false;
  return steps.map(([label, href, done]) => {
    if (done) return { label, href, state: 'done' as const };
    if (nextGiven) return { label, href, state: 'later' as const };
    nextGiven = true;
    return { label, href, state: 'next' as const };
  });
}
