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

const plainNumber = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;
const percentage = /^(-?\d{1,3}(?:\.\d+)?)%$/;

/**
 * A cell as Excel users expect it: a count is a number and a share a
 * percentage (so SUM and sorting work); anything else stays text, so `=…` is
 * never a formula. A number with a leading zero (a code) stays text.
 */
export function cellOf(value: string): { value: string | number; numFmt?: string } {
  if (plainNumber.test(value)) return { value: Number(value) };
  const pct = percentage.exec(value);
  if (pct?.[1]) {
    const decimals = pct[1].split('.')[1]?.length ?? 0;
    return { value: Number(pct[1]) / 100, numFmt: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
  }
  return { value };
}

/**
 * An XLSX workbook: counts and shares as numeric cells with their formats,
 * everything else as text (never a formula); the header row frozen and
 * filterable.
 */
export async function workbook(sheets: Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded by the export that needs it, not at the console's cold start (exceljs is ~1 MB).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    if (s.title) sheet.addRow([s.title]).font = { bold: true, size: 14 };
    if (s.header) {
      const head = sheet.addRow(s.header);
      head.font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: head.number }];
      sheet.autoFilter = {
        from: { row: head.number, column: 1 },
        to: { row: head.number, column: s.header.length },
      };
    }
    for (const r of s.rows) {
      const cells = r.map(cellOf);
      const row = sheet.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => {
        if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
      });
    }
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
