import { reportByToken } from '../data/repos/reports';
import type { Deps } from '../deps';
import { token22Pattern } from '../domain/public-forms';
import { notFound } from '../errors';
import { publicRectification } from './public-rectification';

/**
 * An approved report as disclosed (适当范围公开), for anyone holding its token:
 * what was published, its SHA-256, when and to whom. A malformed token, or
 * one of a report not approved, finds nothing (404).
 */
export async function disclosure(deps: Deps, token: string) {
  const report = token22Pattern.test(token) ? await reportByToken(deps, token) : undefined;
  if (report?.state !== 'approved' || !report.approvedAt || !report.scope) {
    throw notFound('没有找到这份公开内容');
  }
  return {
    unitId: report.unitId,
    disclosed: {
      published: report.published,
      sha256: report.sha256,
      approvedAt: report.approvedAt,
      scope: report.scope,
    },
  };
}

/** What the disclosure page shows: the report as disclosed and the unit's rectification as the masses see it. */
export async function disclosurePage(deps: Deps, token: string) {
  const { unitId, disclosed } = await disclosure(deps, token);
  return { disclosed, rectification: await publicRectification(deps, unitId) };
}
