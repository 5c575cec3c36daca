import type { PageRequest } from '../data/query';
import { listAudit } from '../data/repos/audit';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { allow, officeResource } from './access';

/** The audit trail of console changes, newest first, a page at a time (the office). */
export async function auditTrail(deps: Deps, who: Principal, page: PageRequest) {
  allow(who, 'read', officeResource);
  return listAudit(deps, page);
}
