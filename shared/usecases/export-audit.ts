import { listAudit } from '../data/repos/audit';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { type AuditEntry, type AuditFilter, unitOfTarget } from '../domain/audit';
import { auditText } from '../domain/audit-text';
import { chinaTime } from '../domain/china-day';
import { toCsv } from '../domain/spreadsheet-cells';
import { fail } from '../errors';
import { allow, officeResource } from './access';
import { namesOf } from './audit';
import { workbook } from './workbook';

/** The most entries one export holds; past it the office narrows the filter (a day range, a unit). */
export const auditExportMax = 20_000;

/** The audit trail as people read it, header first: every entry the filter keeps, newest first. */
export function auditTable(
  entries: AuditEntry[],
  names: { unitNames: Record<string, string>; peopleNames: Record<string, string> },
): string[][] {
  return [
    [
      '时间（北京时间）',
      '操作人',
      '账号',
      '操作',
      '单位',
      '对象',
      '内容',
      '操作代码',
      '对象标识',
      '原始内容',
    ],
    ...entries.map((e) => {
      const text = auditText(e);
      const unitId = unitOfTarget(e.target);
      return [
        chinaTime(e.at),
        names.peopleNames[e.actor] ?? '',
        e.actor,
        text.action,
        unitId ? (names.unitNames[unitId] ?? '（已删除的单位）') : '',
        text.target,
        text.details,
        e.action,
        e.target,
        e.detail ? JSON.stringify(e.detail) : '',
      ];
    }),
  ];
}

/**
 * The whole audit trail the filter keeps (the office), as CSV or XLSX, with
 * people and units by name: read a thousand at a time, refused past
 * `auditExportMax` entries rather than cut short silently.
 */
export async function exportAudit(deps: Deps, who: Principal, filter: AuditFilter, format: 'csv' | 'xlsx') {
  allow(who, 'read', officeResource);
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAudit(deps, { limit: 1000, cursor }, filter);
    entries.push(...page.items);
    if (entries.length > auditExportMax) throw fail('EXPORT_TOO_LARGE', auditExportMax);
    cursor = page.nextCursor;
  } while (cursor);
  const names = await namesOf(deps, entries);
  const table = auditTable(entries, names);
  if (format === 'csv') return toCsv(table);
  const [header = [], ...rows] = table;
  return workbook([
    {
      name: '操作记录',
      header,
      rows,
      width: (i) => [17, 14, 12, 16, 24, 16, 50, 20, 30, 40][i] ?? 14,
      wrap: true,
    },
  ]);
}
