import { getPublicationHead, publicationEntries } from '../data/repos/publication-log';
import { problemsOf, reportByToken } from '../data/repos/reports';
import type { Deps } from '../deps';
import { hashOf } from '../domain/canonical-json';
import { token22Pattern } from '../domain/public-forms';
import { publishedRectification, rectificationView } from '../domain/rectification';
import { notFound } from '../errors';
import { rectificationNow } from './public-rectification';

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
  const [head, now] = await Promise.all([
    getPublicationHead(deps, report.campaignId),
    rectificationNow(deps, report.unitId),
  ]);
  const content = publishedRectification(now.measures, now.evaluation);
  return {
    unitId: report.unitId,
    now,
    disclosed: {
      published: report.published,
      sha256: report.sha256,
      approvedAt: report.approvedAt,
      scope: report.scope,
      // Its entry in the campaign's publication log and the log's head, to walk with `npm run verify`.
      ...(report.logSeq && report.logHash && head
        ? {
            log: {
              campaignId: report.campaignId,
              seq: report.logSeq,
              hash: report.logHash,
              head: { seq: head.seq, hash: head.hash },
            },
          }
        : {}),
      // Live: measures, progress and the latest evaluation. Each change since approval is an entry of
      // the same log; `log` names the latest (none while nothing is rectified yet).
      rectification: {
        content,
        sha256: hashOf(content),
        ...(report.rectificationLog
          ? { log: { seq: report.rectificationLog.seq, hash: report.rectificationLog.hash } }
          : {}),
      },
    },
  };
}

const campaignIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** A campaign's publication log, every entry first to last, for anyone to walk (no entry holds anything unpublished). */
export async function publicationLog(deps: Deps, campaignId: string) {
  const entries = campaignIdPattern.test(campaignId) ? await publicationEntries(deps, campaignId) : [];
  if (entries.length === 0) throw notFound('没有找到这份公示记录');
  return { campaignId, entries };
}

/** What the disclosure page shows: the report as disclosed and the unit's rectification as the masses see it. */
export async function disclosurePage(deps: Deps, token: string) {
  const { unitId, now, disclosed } = await disclosure(deps, token);
  const problems = await problemsOf(deps, unitId);
  return { disclosed, rectification: rectificationView(problems, now.measures, now.evaluation) };
}
