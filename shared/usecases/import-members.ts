import * as z from 'zod';
import { newId } from '../data/ids';
import { putImportedMembers } from '../data/repos/members';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { fromLabel, parseCsvRows, rejectIfProblems } from '../domain/csv-rows';
import { MemberCategory, memberCategoryLabels } from '../domain/org';
import { unitFor } from './access';

const yes = new Set(['是', 'y', 'yes', 'true', '1', '预备', '预备党员']);
const no = new Set(['', '否', 'n', 'no', 'false', '0', '正式', '正式党员']);

const MemberRow = z.object({
  name: z.string().min(1, '姓名不能为空').max(60),
  category: z.preprocess(fromLabel(memberCategoryLabels), MemberCategory),
  probationary: z
    .string()
    .refine((v) => yes.has(v.toLowerCase()) || no.has(v.toLowerCase()), '请填“是”或“否”')
    .transform((v) => yes.has(v.toLowerCase())),
});

const columns = [
  { field: 'name', headers: ['姓名', 'name'] },
  {
    field: 'category',
    headers: ['类别', '党员类别', 'category'],
    choices: Object.values(memberCategoryLabels),
  },
  { field: 'probationary', headers: ['预备党员', 'probationary'] },
];

/**
 * Imports a unit's party members from CSV, all or nothing.
 * 0. The caller may manage the unit's members (its leader, the office).
 * 1. Parse and validate every row; any bad row rejects the file with its line numbers.
 * 2. Write all members, then the audit record; a failed write removes what was written.
 */
export async function importMembers(deps: Deps, who: Principal, unitId: string, csv: string) {
  const unit = await unitFor(deps, who, 'manageMembers', unitId);
  const { rows, problems } = parseCsvRows(csv, columns, MemberRow, 5000);
  rejectIfProblems(problems);
  const now = deps.now().toISOString();
  const members = rows.map(({ value }) => ({ ...value, id: newId(), unitId: unit.id, createdAt: now }));
  await putImportedMembers(deps, members, {
    actor: who.username,
    action: 'member.import',
    target: `unit:${unit.id}`,
    detail: { count: members.length },
  });
  return { imported: members.length };
}
