import { overviewTable, totalsCells, totalsHeader, type UnitOverview, zoneTables } from '../domain/overview';

/**
 * The overview as an XLSX workbook (cells written as text, never as
 * formulas): every unit; and, for the whole zone, the tables by unit type and
 * by supervision group.
 */
export async function overviewXlsx(
  rows: UnitOverview[],
  groupNames: Record<string, string>,
  title: string,
  zone?: { groups: { id: string; name: string }[] },
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded by the export that needs it, not at the console's cold start (exceljs is ~1 MB).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('总览');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  const [header, ...body] = overviewTable(rows, groupNames);
  sheet.addRow(header ?? []).font = { bold: true };
  for (const r of body) sheet.addRow(r);
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 30 : 12;
  });
  if (zone) {
    const tables = zoneTables(rows, zone.groups);
    for (const [name, head, lines] of [
      ['按单位类型', '单位类型', tables.byType],
      ['按督导组', '督导组', tables.byGroup],
    ] as const) {
      const s = book.addWorksheet(name);
      s.addRow([head, ...totalsHeader]).font = { bold: true };
      for (const x of lines) s.addRow(totalsCells(x));
      s.getColumn(1).width = 24;
    }
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
