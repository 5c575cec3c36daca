import * as z from 'zod';
import { allGroups } from '../data/repos/groups';
import { allUnits, putImportedUnits } from '../data/repos/units';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { fromLabel, parseCsvRows, rejectIfProblems } from '../domain/csv-rows';
import { UnitType, unitTypeLabels } from '../domain/org';
import { campaignFor } from './access';
import { newUnit } from './units';

const count = z.coerce.number({ error: '请填数字' }).int('请填整数').min(0).max(100_000);

const UnitRow = z.object({
  name: z.string().min(2, '单位名称至少2个字').max(100),
  type: z.preprocess(fromLabel(unitTypeLabels), UnitType),
  partyOrganization: z.string().min(2, '请填写党组织名称').max(100),
  responsibleTitle: z.string().min(1, '请填写第一责任人职务').max(60),
  membersDue: count,
  massRepresentativesDue: count,
  group: z.string().min(1, '请填写督导组'),
});

const columns = [
  { field: 'name', headers: ['单位名称', 'name'] },
  { field: 'type', headers: ['类型', '单位类型', 'type'], choices: Object.values(unitTypeLabels) },
  { field: 'partyOrganization', headers: ['党组织', 'partyOrganization'] },
  { field: 'responsibleTitle', headers: ['第一责任人职务', 'responsibleTitle'] },
  { field: 'membersDue', headers: ['应到党员数', 'membersDue'] },
  { field: 'massRepresentativesDue', headers: ['群众代表数', 'massRepresentativesDue'] },
  { field: 'group', headers: ['督导组', 'group'] },
];

/**
 * Imports a campaign's units from CSV, all or nothing.
 * 0. The caller may manage the campaign (the office).
 * 1. Parse and validate every row; resolve each 督导组 by name or id.
 * 2. Reject names used twice in the file or already in the campaign.
 * 3. Write the units with their name reservations, then the audit record.
 */
export async function importUnits(deps: Deps, who: Principal, campaignId: string, csv: string) {
  await campaignFor(deps, who, 'manage', campaignId);
  const { rows, problems } = parseCsvRows(csv, columns, UnitRow, 2000);
  const [groups, existing] = await Promise.all([allGroups(deps, campaignId), allUnits(deps, campaignId)]);
  const groupId = new Map(groups.flatMap((g) => [[g.name, g.id] as const, [g.id, g.id] as const]));
  const seen = new Set(existing.map((u) => u.name));
  for (const { line, value } of rows) {
    if (!groupId.has(value.group))
      problems.push({ path: `第${line}行“督导组”`, message: `没有督导组“${value.group}”` });
    if (seen.has(value.name))
      problems.push({ path: `第${line}行“单位名称”`, message: `单位“${value.name}”已存在` });
    seen.add(value.name);
  }
  rejectIfProblems(problems);

  const now = deps.now().toISOString();
  const units = rows.map(({ value: { group, ...rest } }) =>
    newUnit(campaignId, { ...rest, groupId: groupId.get(group) ?? group }, now),
  );
  await putImportedUnits(deps, units, {
    actor: who.username,
    action: 'unit.import',
    target: `campaign:${campaignId}`,
    detail: { count: units.length },
  });
  return { imported: units.length };
}
