import { aboutOptions, focusAreas, problemLabels, respondentOptions } from '../domain/opinion-form';
import type { OpinionListItem } from '../domain/opinion-list';
import type { UnitType } from '../domain/org';
import { toCsv } from '../domain/spreadsheet-cells';

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

/** The opinions as an XLSX workbook (cells are written as text, never as formulas). */
export async function opinionsXlsx(
  opinions: OpinionListItem[],
  unitType: UnitType,
  title: string,
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded by the export that needs it, not at the console's cold start (exceljs is ~1 MB).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('群众意见');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(header).font = { bold: true };
  for (const o of opinions) sheet.addRow(rowOf(o, unitType));
  sheet.columns.forEach((col, i) => {
    col.width = i >= 5 ? 50 : 16;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
