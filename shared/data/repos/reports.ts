import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { Problem, Report, type ReportState } from '../../domain/report';
import { conflict } from '../../errors';
import { accessPatterns, keys } from '../keys';
import { queryAll, queryPage } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { getItem } from './get-item';

const changedMeanwhile = () => conflict('REPORT_CHANGED', '报告状态已变化，请刷新后重试');

export const getReport = (deps: Deps, unitId: string) => getItem(deps, keys.report(unitId), Report);

/** An approved report by its disclosure token. */
export async function reportByToken(deps: Deps, token: string): Promise<Report | undefined> {
  const page = await queryPage(deps, accessPatterns.disclosure(token), Report, { limit: 1 });
  return page.items[0];
}

/** For a transaction that changes what goes into a report: the unit's report is absent or still a draft. */
export const reportStillOpen = (deps: Deps, unitId: string): TransactItem => ({
  ConditionCheck: {
    TableName: deps.tableName,
    Key: keys.report(unitId),
    ConditionExpression: 'attribute_not_exists(pk) OR #s = :draft',
    ExpressionAttributeNames: { '#s': 'state' },
    ExpressionAttributeValues: { ':draft': 'draft' },
  },
});

/** Stores a freshly built draft (new, or replacing a draft), with its audit record. */
export async function putDraft(deps: Deps, report: Report, audit: Omit<AuditEntry, 'id' | 'at'>) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.report(report.unitId), ...report },
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :draft',
          ExpressionAttributeNames: { '#s': 'state' },
          ExpressionAttributeValues: { ':draft': 'draft' },
        },
      },
    ],
    audit,
    changedMeanwhile,
  );
}

/**
 * Moves a report from `from` to the state in `set`, with its audit record,
 * only if it is still in `from`. An approval's disclosure token also becomes
 * the report's listing key, so `/p/{token}` finds it.
 */
export async function moveReport(
  deps: Deps,
  unitId: string,
  from: ReportState,
  set: Partial<Report>,
  audit: Omit<AuditEntry, 'id' | 'at'>,
) {
  const listing = set.token ? keys.reportDisclosure(set.token) : {};
  const entries = Object.entries({ ...set, ...listing }).filter(([, v]) => v !== undefined);
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.report(unitId),
          UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ConditionExpression: '#s = :from',
          ExpressionAttributeNames: {
            '#s': 'state',
            ...Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
          },
          ExpressionAttributeValues: {
            ':from': from,
            ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          },
        },
      },
    ],
    audit,
    changedMeanwhile,
  );
}

export const problemsOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.problemsOfUnit(unitId), Problem);

export const getProblem = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.problem(unitId, id), Problem);

/** Stores a problem (new or changed) while the unit's report is open, with its audit record. */
export async function putProblem(
  deps: Deps,
  problem: Problem,
  isNew: boolean,
  audit: Omit<AuditEntry, 'id' | 'at'>,
) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.problem(problem.unitId, problem.id), ...problem },
          ConditionExpression: isNew ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
        },
      },
      reportStillOpen(deps, problem.unitId),
    ],
    audit,
    (i) =>
      i === 1
        ? conflict('REPORT_LOCKED', '分析评议报告已报督导组或已认可，问题清单不能再修改')
        : conflict('PROBLEM_CHANGED', '问题已被修改或删除，请刷新后重试'),
  );
}
