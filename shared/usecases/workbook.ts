/** One sheet of an export: an optional bold title row and header, the rows, and column widths. */
export interface Sheet {
  name: string;
  title?: string;
  header?: string[];
  rows: string[][];
  /** The width of column `i` (0-based), in characters. */
  width: (i: number) => number;
  /** Long text wraps and sits at the top of its cell. */
  wrap?: boolean;
}

/** An XLSX workbook of text cells: strings are stored as strings, so `=…` is text, never a formula. */
export async function workbook(sheets: Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded by the export that needs it, not at the console's cold start (exceljs is ~1 MB).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    if (s.title) sheet.addRow([s.title]).font = { bold: true, size: 14 };
    if (s.header) sheet.addRow(s.header).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r);
    sheet.columns.forEach((col, i) => {
      col.width = s.width(i);
      if (s.wrap) col.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The headers of a file download, with its Chinese name for browsers that take it. */
export function downloadHeaders(format: 'csv' | 'xlsx', asciiName: string, chineseName: string) {
  return {
    'content-type':
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${chineseName}.${format}`)}`,
  };
}
