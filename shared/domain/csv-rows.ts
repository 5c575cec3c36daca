import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { type FieldProblem, fail, validationError } from '../errors';

/** A column of an import file: the field it fills and the headers it may appear under. */
export interface Column {
  field: string;
  headers: string[];
  /** For a cell that must be one of a list: the list as people write it. */
  choices?: string[];
}

const CsvRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

/**
 * Parses an uploaded CSV (UTF-8, with or without BOM), maps its header row to
 * `columns`, and validates every row with `row`. All rows are checked before
 * anything is returned; any bad row makes it a 400 naming each bad line
 * (`第7行“类别”：应填以下之一：…`), so an import is all or nothing.
 */
export function parseCsvRows<S extends z.ZodType>(text: string, columns: Column[], row: S, maxRows: number) {
  let records: z.infer<typeof CsvRecords>;
  try {
    records = CsvRecords.parse(
      parse(text, {
        bom: true,
        skip_empty_lines: true,
        trim: true,
        info: true,
        relax_column_count: true,
      }),
    );
  } catch (err) {
    throw fail('BAD_CSV', err instanceof Error ? err.message : '');
  }
  const [header, ...body] = records;
  if (!header) throw fail('EMPTY_CSV');
  const positions = columns.map((c) => ({
    field: c.field,
    index: header.record.findIndex((h) => c.headers.includes(h.trim())),
  }));
  const missing = columns.filter((_, i) => positions[i]?.index === -1);
  if (missing.length > 0) {
    throw validationError(
      missing.map((c) => ({ path: '第1行（表头）', message: `缺少列：${c.headers.join(' / ')}` })),
      '表头不完整',
    );
  }
  if (body.length === 0) throw fail('EMPTY_CSV');
  if (body.length > maxRows) throw fail('TOO_MANY_ROWS', maxRows);

  const problems: FieldProblem[] = [];
  const rows: { line: number; value: z.infer<S> }[] = [];
  for (const { record, info } of body) {
    const raw = Object.fromEntries(positions.map((p) => [p.field, record[p.index] ?? '']));
    const result = row.safeParse(raw);
    if (result.success) rows.push({ line: info.lines, value: result.data });
    else {
      for (const issue of result.error.issues) {
        // Named as people read the sheet: the line and the column header, and for a cell that
        // must be one of a list, the list in words.
        const column = columns.find((c) => c.field === issue.path[0]);
        const choices = issue.code === 'invalid_value' && column?.choices;
        problems.push({
          path: `第${info.lines}行“${column?.headers[0] ?? issue.path.join('.')}”`,
          message: choices ? `应填以下之一：${choices.join('、')}` : issue.message,
        });
      }
    }
  }
  return { rows, problems };
}

/** Throws the 400 that lists every bad line, if there is any. */
export function rejectIfProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw validationError(problems, `有 ${problems.length} 处错误，未导入任何数据`);
}

/** Maps a cell given as a code or a Chinese label to the code. */
export function fromLabel<T extends string>(labels: Record<T, string>) {
  const byLabel = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    byLabel.set(code, code);
    byLabel.set(label, code);
  }
  return (cell: unknown) => (typeof cell === 'string' ? (byLabel.get(cell.trim()) ?? cell) : cell);
}
