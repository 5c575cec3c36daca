import { getPublicationHead } from '../data/repos/publication-log';
import { getReport } from '../data/repos/reports';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { fail } from '../errors';
import { unitFor } from './access';

/**
 * What the printable 公示 sheet of an approved report carries: the unit, the
 * content hash, its entry in the campaign's publication log and the log's
 * head when printed, so anyone holding the paper can later check that the
 * publication was not changed (`npm run verify -- <link> --head <hash>`).
 */
export async function publicationSheet(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const report = await getReport(deps, unit.id);
  if (report?.state !== 'approved' || !report.token) throw fail('REPORT_STATE', report?.state ?? 'none');
  const head = await getPublicationHead(deps, report.campaignId);
  return { unit, report, head };
}
