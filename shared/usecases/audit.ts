import * as z from 'zod';
import { batchGetAll } from '../data/batch-get';
import { keys } from '../data/keys';
import type { PageRequest } from '../data/query';
import { listAudit } from '../data/repos/audit';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { type AuditEntry, type AuditFilter, unitOfTarget } from '../domain/audit';
import { allow, officeResource } from './access';

const Named = z.object({ id: z.string(), name: z.string() });
const Person = z.object({ username: z.string(), displayName: z.string() });

/**
 * The audit trail of console changes, newest first, a page at a time (the
 * office), narrowed by `filter`; with the names of the units and the people
 * the page mentions, read in two batches, so the page says who did what to
 * which unit.
 */
export async function auditTrail(deps: Deps, who: Principal, page: PageRequest, filter: AuditFilter = {}) {
  allow(who, 'read', officeResource);
  const trail = await listAudit(deps, page, filter);
  return { ...trail, ...(await namesOf(deps, trail.items)) };
}

/** The names of the units and the people some audit entries mention, read in two batches. */
export async function namesOf(deps: Deps, entries: AuditEntry[]) {
  const unitIds = [...new Set(entries.map((e) => unitOfTarget(e.target)).filter((u) => u !== undefined))];
  const usernames = [...new Set(entries.map((e) => e.actor))];
  const [units, people] = await Promise.all([
    batchGetAll(deps, deps.tableName, unitIds.map(keys.unit), Named),
    batchGetAll(deps, deps.tableName, usernames.map(keys.account), Person),
  ]);
  return {
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])) as Record<string, string>,
    peopleNames: Object.fromEntries(people.map((p) => [p.username, p.displayName])) as Record<string, string>,
  };
}
