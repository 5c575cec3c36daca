/** Characters that make Excel or WPS treat a cell as a formula. */
const formulaStart = /^[=+\-@\t\r]/;

/** Neutralises a cell against formula injection by prefixing a quote where it could start a formula. */
export function safeCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, and quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = safeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file Excel and WPS open as UTF-8: BOM, CRLF line ends. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
