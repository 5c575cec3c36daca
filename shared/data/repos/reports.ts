import type { Deps } from '../../deps';
import type { AuditEntry } from '../../domain/audit';
import { reportStatusOf } from '../../domain/overview';
import type { PublicationEntry } from '../../domain/publication-log';
import { movableBy, Problem, Report, type ReportMove, reportOpen } from '../../domain/report';
import { versionOf } from '../../domain/version';
import { fail } from '../../errors';
import { conditionExpression, withCondition } from '../condition-expression';
import { accessPatterns, keys } from '../keys';
import { queryAll, queryPage } from '../query';
import { type TransactItem, writeAudited } from '../transact';
import { stillAt } from '../version-condition';
import { getItem } from './get-item';
import { appendEntry, ownOrHead } from './publication-log';
import { keptOnUnit } from './units';

const changedMeanwhile = () => fail('REPORT_CHANGED');

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
    ...conditionExpression(reportOpen),
  },
});

/** What the unit keeps of its report once it is `report`, for the same transaction. */
const keptStatus = (deps: Deps, report: Report) =>
  keptOnUnit(
    deps.tableName,
    report.unitId,
    { reportStatus: reportStatusOf(report) },
    deps.now().toISOString(),
  );

/**
 * Stores a freshly built draft (new, or replacing a draft), with its audit
 * record; the unit keeps its state in the same transaction.
 */
export async function putDraft(deps: Deps, report: Report, audit: Omit<AuditEntry, 'id' | 'at'>) {
  await writeAudited(
    deps,
    [
      {
        Put: {
          TableName: deps.tableName,
          Item: { ...keys.report(report.unitId), ...report },
          ...conditionExpression(reportOpen),
        },
      },
      keptStatus(deps, report),
    ],
    audit,
    changedMeanwhile,
  );
}

/**
 * Makes a move of a report, setting `set`, with its audit record, only if the
 * stored report still meets the move's condition (`movableBy`); the unit keeps the new
 * state in the same transaction. An approval's disclosure token also becomes
 * the report's listing key, so `/p/{token}` finds it.
 */
export async function moveReport(
  deps: Deps,
  move: ReportMove,
  report: Report,
  set: Partial<Report>,
  audit: Omit<AuditEntry, 'id' | 'at'>,
  entry?: PublicationEntry,
) {
  const listing = set.token ? keys.reportDisclosure(set.token) : {};
  const entries = Object.entries({ ...set, ...listing }).filter(([, v]) => v !== undefined);
  await writeAudited(
    deps,
    [
      {
        Update: {
          TableName: deps.tableName,
          Key: keys.report(report.unitId),
          UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
          ...withCondition(movableBy[move], {
            names: Object.fromEntries(entries.map(([k], i) => [`#a${i}`, k])),
            values: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          }),
        },
      },
      keptStatus(deps, { ...report, ...set }),
      // An approval publishes: its entry joins the campaign's publication log in the same transaction.
      ...(entry ? appendEntry(deps.tableName, entry) : []),
    ],
    audit,
    ownOrHead(2, changedMeanwhile),
  );
}

export const problemsOf = (deps: Deps, unitId: string) =>
  queryAll(deps, accessPatterns.problemsOfUnit(unitId), Problem);

export const getProblem = (deps: Deps, unitId: string, id: string) =>
  getItem(deps, keys.problem(unitId, id), Problem);

/**
 * Changes a unit's problem list while its report is open, in one transaction
 * with its audit record: each put problem, new (`previous` undefined, must not
 * exist) or changed (still at the version read), and each removed problem
 * (still at the version read). Any of them changed meanwhile: 409
 * `PROBLEM_CHANGED`; the report submitted meanwhile: 409 `REPORT_LOCKED`;
 * nothing written either way.
 */
export async function writeProblems(
  deps: Deps,
  unitId: string,
  change: { put: { problem: Problem; previous?: Problem | undefined }[]; remove?: Problem[] },
  audit: Omit<AuditEntry, 'id' | 'at'>,
) {
  const items: TransactItem[] = [
    ...change.put.map(({ problem, previous }) => ({
      Put: {
        TableName: deps.tableName,
        Item: { ...keys.problem(problem.unitId, problem.id), ...problem },
        ...(previous ? stillAt(versionOf(previous)) : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    })),
    ...(change.remove ?? []).map((p) => ({
      Delete: { TableName: deps.tableName, Key: keys.problem(p.unitId, p.id), ...stillAt(versionOf(p)) },
    })),
  ];
  await writeAudited(deps, [...items, reportStillOpen(deps, unitId)], audit, (i) =>
    i === items.length ? fail('REPORT_LOCKED', '问题清单') : fail('PROBLEM_CHANGED'),
  );
}
