import { getReport } from '../data/repos/reports';
import type { Deps } from '../deps';
import { hashOf } from '../domain/canonical-json';
import type { PublicEvaluation } from '../domain/evaluation';
import { nextEntry, type PublicationEntry, type PublicationHead } from '../domain/publication-log';
import { type Measure, publishedRectification } from '../domain/rectification';
import { rectificationNow } from './public-rectification';

/**
 * The entry that a change of a unit's rectification section (a measure added,
 * changed or deleted, an evaluation by codes counted) adds to the campaign's
 * publication log, built on `head`: the section as it will be once `change`
 * is written. Read consistently after the head, so a change racing this one
 * either is seen or moves the head first (and this one is rebuilt, see
 * `atLogHead`). None while the unit's report is not approved: nothing is
 * disclosed yet.
 */
export async function rectificationEntry(
  deps: Deps,
  head: PublicationHead | undefined,
  unitId: string,
  change: { measure: Measure } | { removed: string } | { evaluation: PublicEvaluation },
): Promise<PublicationEntry | undefined> {
  const [report, now] = await Promise.all([
    getReport(deps, unitId),
    rectificationNow(deps, unitId, { consistent: true }),
  ]);
  if (report?.state !== 'approved' || !report.token) return undefined;
  const content =
    'measure' in change
      ? publishedRectification(
          [...now.measures.filter((m) => m.id !== change.measure.id), change.measure],
          now.evaluation,
        )
      : 'removed' in change
        ? publishedRectification(
            now.measures.filter((m) => m.id !== change.removed),
            now.evaluation,
          )
        : publishedRectification(now.measures, change.evaluation);
  return nextEntry(head, {
    campaignId: report.campaignId,
    kind: 'rectification',
    unitId,
    token: report.token,
    contentSha256: hashOf(content),
    at: deps.now().toISOString(),
  });
}
