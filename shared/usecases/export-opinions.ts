import { allOpinions } from '../data/repos/opinions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import {
  aboutOptions,
  focusAreas,
  problemGroups,
  problemLabels,
  respondentOptions,
} from '../domain/opinion-form';
import { listOpinions, type OpinionListItem } from '../domain/opinion-list';
import { type OpinionSummary, orderCells } from '../domain/opinion-summary';
import type { Unit, UnitType } from '../domain/org';
import { toCsv } from '../domain/spreadsheet-cells';
import { campaignOfUnit, unitFor } from './access';
import { summarizeOpinions } from './summarize-opinions';
import { workbook } from './workbook';

const header = ['日期', '身份', '涉及方面', '着力点', '问题', '意见', '建议', '其他问题的回答'];

/** One opinion as the cells of an export row, in Chinese. */
function rowOf(o: OpinionListItem, unitType: UnitType): string[] {
  const label = (labels: Record<string, string>, keys: string[]) =>
    keys.map((k) => labels[k] ?? k).join('、');
  const answers = Object.entries(o.answers)
    .map(([k, v]) => `${k}：${Array.isArray(v) ? v.join('、') : v}`)
    .join('；');
  return [
    o.day,
    o.respondentWithheld
      ? '不显示'
      : o.respondent
        ? respondentOptions[o.respondent as keyof typeof respondentOptions]
        : '未填',
    label(aboutOptions, o.about),
    label(focusAreas[unitType], o.focus),
    label(problemLabels, o.problems),
    o.opinion,
    o.suggestion,
    answers,
  ];
}

/** The opinions as CSV for Excel and WPS: UTF-8 with BOM, formula-like cells neutralised. */
export function opinionsCsv(opinions: OpinionListItem[], unitType: UnitType): string {
  return toCsv([header, ...opinions.map((o) => rowOf(o, unitType))]);
}

/**
 * The summary sheet's rows: the total, then each breakdown as on the console page
 * (problems under their member category), with shares; cells below k say so.
 */
export function summaryRows(summary: OpinionSummary, unitType: UnitType): string[][] {
  const pct = (n: number) => (summary.total ? `${((n / summary.total) * 100).toFixed(1)}%` : '');
  const rows = (cells: OpinionSummary['focus'], labels: Record<string, string>) =>
    orderCells(cells).map((c) => [
      labels[c.key] ?? c.key,
      c.count === null ? `少于${summary.k}人，不单独显示` : String(c.count),
      c.count === null ? '' : pct(c.count),
    ]);
  const section = (title: string, body: string[][]) =>
    body.length ? [[], [title, '人数', '占比'], ...body] : [];
  return [
    ['收到意见', summary.total === null ? `不足${summary.k}份` : `${summary.total} 份`],
    ...problemGroups.flatMap((g) =>
      section(
        `问题：${g.label}`,
        rows(
          summary.problems.filter((c) => c.key in g.problems),
          problemLabels,
        ),
      ),
    ),
    ...section('着力点', rows(summary.focus, focusAreas[unitType])),
    ...section('意见涉及', rows(summary.about, aboutOptions)),
    ...section('提意见的人', rows(summary.respondent, { ...respondentOptions, unspecified: '未填身份' })),
  ];
}

/** The opinions as an XLSX workbook: a summary sheet, then every opinion (cells are text, never formulas). */
export function opinionsXlsx(
  opinions: OpinionListItem[],
  summary: OpinionSummary,
  unitType: UnitType,
  title: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return workbook([
    {
      name: '汇总',
      title: `${title} 汇总`,
      rows: summaryRows(summary, unitType),
      width: (i) => (i === 0 ? 30 : 22),
    },
    {
      name: '群众意见',
      title,
      header,
      rows: opinions.map((o) => rowOf(o, unitType)),
      width: (i) => (i >= 5 ? 50 : 16),
      wrap: true,
    },
  ]);
}

/** The summary as CSV: the same rows as the workbook's 汇总 sheet. */
export function summaryCsv(summary: OpinionSummary, unitType: UnitType, title: string): string {
  return toCsv([[`${title} 汇总`], ...summaryRows(summary, unitType)]);
}

/**
 * A unit's opinions as a file, for those who may read the unit: CSV, or XLSX
 * with the summary sheet first; k (the campaign's) withholds small groups' tags.
 */
export async function exportOpinions(
  deps: Deps,
  who: Principal,
  unitId: string,
  format: 'csv' | 'xlsx',
  roundId?: string,
): Promise<{ unit: Unit; body: string | Uint8Array<ArrayBuffer> }> {
  const unit = await unitFor(deps, who, 'read', unitId);
  const k = (await campaignOfUnit(deps, who, unit)).settings.anonymityK;
  const { rows } = listOpinions(await allOpinions(deps, unit.id, roundId), { roundId }, k);
  if (format === 'csv') return { unit, body: opinionsCsv(rows, unit.type) };
  const summary = await summarizeOpinions(deps, unit, k, roundId);
  return { unit, body: await opinionsXlsx(rows, summary, unit.type, `${unit.name} 群众意见`) };
}
