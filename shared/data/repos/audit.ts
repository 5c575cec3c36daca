import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../deps';
import { AuditEntry, type AuditFilter } from '../../domain/audit';
import { accessPatterns } from '../keys';
import { encodeCursor, type PageRequest, queryParams, tableNameOf } from '../query';

/** The first and last instant of a day in China, as the stored times are written (UTC ISO). */
const chinaDayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const chinaDayEnd = (d: string) => new Date(`${d}T23:59:59.999+08:00`).toISOString();

/**
 * The audit trail of console changes, newest first, a page at a time;
 * narrowed to days in China by the sort key, and to a unit, a person or an
 * action by a filter (so a page may hold fewer than `limit`, and the cursor
 * goes on past what the filter left out).
 */
export async function listAudit(deps: Deps, page: PageRequest, filter: AuditFilter = {}) {
  const params = queryParams(tableNameOf(deps), accessPatterns.auditTrail(), page);
  const names: Record<string, string> = { ...params.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ...params.ExpressionAttributeValues };
  if (filter.from || filter.to) {
    names['#sk'] = 'sk';
    values[':from'] = filter.from ? chinaDayStart(filter.from) : '0';
    values[':to'] = `${filter.to ? chinaDayEnd(filter.to) : '9'}~`;
    params.KeyConditionExpression = `${params.KeyConditionExpression} AND #sk BETWEEN :from AND :to`;
  }
  const conditions: string[] = [];
  if (filter.actor) {
    names['#actor'] = 'actor';
    values[':actor'] = filter.actor;
    conditions.push('#actor = :actor');
  }
  if (filter.action) {
    names['#action'] = 'action';
    values[':action'] = filter.action;
    conditions.push('#action = :action');
  }
  if (filter.unit) {
    names['#target'] = 'target';
    values[':unit'] = `unit:${filter.unit}`;
    values[':unitPath'] = `unit:${filter.unit}/`;
    conditions.push('(#target = :unit OR begins_with(#target, :unitPath))');
  }
  if (conditions.length > 0) params.FilterExpression = conditions.join(' AND ');
  params.ExpressionAttributeNames = names;
  params.ExpressionAttributeValues = values;
  const out = await deps.db.send(new QueryCommand(params));
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return {
    items: (out.Items ?? []).map((i) => AuditEntry.parse(i)),
    ...(nextCursor ? { nextCursor } : {}),
  };
}
