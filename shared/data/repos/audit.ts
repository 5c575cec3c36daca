import type { Deps } from '../../deps';
import { AuditEntry } from '../../domain/audit';
import { accessPatterns } from '../keys';
import { type PageRequest, queryPage } from '../query';

/** The audit trail of console changes, newest first. */
export const listAudit = (deps: Deps, page: PageRequest) =>
  queryPage(deps, accessPatterns.auditTrail(), AuditEntry, page);
