import { stageLabels } from './campaign';
import { unitTypeLabels } from './org';
import type { UnitOverview } from './overview';
import { percent } from './percent';
import { reportStateLabels } from './report';
import { toCsv } from './spreadsheet-cells';

/** The overviews as tables: every unit's line for CSV and XLSX, and the zone's totals by type and by group. */
const pct = (x: number | null) => (x === null ? '' : percent(x));

/** The overview as CSV for Excel and WPS (UTF-8 with BOM, formula-like cells neutralised). */
export const overviewCsv = (rows: UnitOverview[], groupNames: Record<string, string>) =>
  toCsv(overviewTable(rows, groupNames));

/** The overview as a table of Chinese cells, header first (for CSV and XLSX alike). */
export function overviewTable(rows: UnitOverview[], groupNames: Record<string, string>): string[][] {
  return [
    [
      '单位',
      '类型',
      '督导组',
      '阶段',
      '转段申请',
      '群众意见',
      '参评率',
      '满意率',
      '需补课',
      '不合格票较多人数',
      '整改满意率',
      '整改需补课',
      '超期整改措施',
      '报告',
      '待认可天数',
      '党员人数',
      '党性分析已提交',
      '党性分析已认可',
      '党性分析待把关',
    ],
    ...rows.map((r) => [
      r.name,
      unitTypeLabels[r.type as keyof typeof unitTypeLabels] ?? r.type,
      groupNames[r.groupId] ?? '',
      stageLabels[r.stage as keyof typeof stageLabels] ?? r.stage,
      r.stageRequested ? '待审批' : '',
      String(r.opinions),
      pct(r.turnout),
      pct(r.satisfactionRate),
      r.remedial ? '是' : '',
      String(r.incompetentFlags),
      pct(r.rectificationRate),
      r.rectificationRemedial ? '是' : '',
      String(r.overdueMeasures),
      r.reportState ? reportStateLabels[r.reportState] : '未生成',
      r.waitingDays === null ? '' : String(r.waitingDays),
      String(r.analyses.due),
      String(r.analyses.submitted),
      String(r.analyses.approved),
      String(r.analyses.waiting),
    ]),
  ];
}

/** Sums of a set of units' overview lines (the office's tables by unit type and by group). */
export function totalsOf(rows: UnitOverview[]) {
  return {
    units: rows.length,
    opinions: rows.reduce((s, r) => s + r.opinions, 0),
    approved: rows.filter((r) => r.reportState === 'approved').length,
    waiting: rows.filter((r) => r.reportState === 'submitted').length,
    /** Units that must 补课, after the review vote or after the evaluation of rectification. */
    remedial: rows.filter((r) => r.remedial || r.rectificationRemedial).length,
    /** 党性分析 materials approved, of the members due. */
    analysesApproved: rows.reduce((s, r) => s + r.analyses.approved, 0),
    analysesDue: rows.reduce((s, r) => s + r.analyses.due, 0),
  };
}
export type Totals = ReturnType<typeof totalsOf>;

/** The zone by unit type and by supervision group. */
export function zoneTables(rows: UnitOverview[], groups: { id: string; name: string }[]) {
  return {
    byType: Object.entries(unitTypeLabels)
      .map(([type, label]) => ({ label, ...totalsOf(rows.filter((r) => r.type === type)) }))
      .filter((x) => x.units > 0),
    byGroup: groups.map((g) => ({ label: g.name, ...totalsOf(rows.filter((r) => r.groupId === g.id)) })),
  };
}

export const totalsHeader = ['单位', '群众意见', '报告已认可', '待认可', '需补课', '党性分析已认可/党员'];

/** One line of a totals table as cells. */
export const totalsCells = (x: { label: string } & Totals) => [
  x.label,
  String(x.units),
  String(x.opinions),
  String(x.approved),
  String(x.waiting),
  String(x.remedial),
  `${x.analysesApproved}/${x.analysesDue}`,
];
