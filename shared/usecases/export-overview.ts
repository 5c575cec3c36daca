import type { UnitOverview } from '../domain/overview';
import { overviewTable, totalsCells, totalsHeader, zoneTables } from '../domain/overview-tables';
import { type Sheet, workbook } from './workbook';

/**
 * The overview as an XLSX workbook (cells written as text, never as
 * formulas): every unit; and, for the whole zone, the tables by unit type and
 * by supervision group.
 */
export function overviewXlsx(
  rows: UnitOverview[],
  groupNames: Record<string, string>,
  title: string,
  zone?: { groups: { id: string; name: string }[] },
): Promise<Uint8Array<ArrayBuffer>> {
  const [header, ...body] = overviewTable(rows, groupNames);
  const sheets: Sheet[] = [{ name: '总览', title, header, rows: body, width: (i) => (i === 0 ? 30 : 12) }];
  if (zone) {
    const tables = zoneTables(rows, zone.groups);
    for (const [name, head, lines] of [
      ['按单位类型', '单位类型', tables.byType],
      ['按督导组', '督导组', tables.byGroup],
    ] as const) {
      sheets.push({
        name,
        header: [head, ...totalsHeader],
        rows: lines.map(totalsCells),
        width: (i) => (i === 0 ? 24 : 12),
      });
    }
  }
  return workbook(sheets);
}
