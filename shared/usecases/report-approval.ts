import { randomBytes } from 'node:crypto';
import { determinationsOf } from '../data/repos/determinations';
import { atLogHead } from '../data/repos/publication-log';
import { moveReport, problemsOf } from '../data/repos/reports';
import { allSessions } from '../data/repos/sessions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { nextEntry } from '../domain/publication-log';
import { assertMove, builtFromOtherProblems, type DisclosureScope, type Report } from '../domain/report';
import { fail } from '../errors';
import { unitFor } from './access';
import { currentReport, publishedHash } from './report';

/** The names of the unit's members the organisation determined 优秀, for an approver who opts in to publish them. */
async function excellentNames(deps: Deps, unitId: string): Promise<string[]> {
  const counted = (await allSessions(deps, unitId)).filter((s) => s.countedAt);
  const names = await Promise.all(
    counted.map(async (s) => {
      const byId = new Map(s.members.map((m) => [m.id, m.name]));
      const determined = await determinationsOf(deps, s.id);
      return determined.filter((d) => d.grade === 'excellent').map((d) => byId.get(d.memberId) ?? '');
    }),
  );
  return [...new Set(names.flat().filter(Boolean))];
}

/** What an approval publishes: names of members determined 优秀 join only by the approver's choice, and its hash with them. */
async function toPublish(deps: Deps, report: Report, publishExcellent: boolean | undefined) {
  if (!publishExcellent) return { published: report.published, sha256: report.sha256 };
  const published = { ...report.published, excellentNames: await excellentNames(deps, report.unitId) };
  return { published, sha256: publishedHash(published) };
}

/**
 * What the public will see once the report is approved, shown before anyone
 * commits (报督导组, 认可): the report as it stands, with the 优秀 names if the
 * approver means to publish them, and whether the problem list changed since
 * it was built (then it must be rebuilt before it goes out).
 */
export async function reportPreview(
  deps: Deps,
  who: Principal,
  unitId: string,
  opts: { publishExcellent?: boolean },
) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [report, problems] = await Promise.all([currentReport(deps, unit.id), problemsOf(deps, unit.id)]);
  const { published, sha256 } = await toPublish(deps, report, opts.publishExcellent);
  return { unit, report, published, sha256, stale: builtFromOtherProblems(report, problems) };
}

/**
 * The supervision group approves a submitted report and chooses who may see
 * it; never the person who submitted it. It gets its disclosure token and is
 * immutable from then on.
 */
export async function approveReport(
  deps: Deps,
  who: Principal,
  unitId: string,
  input: { scope: DisclosureScope; publishExcellent?: boolean | undefined },
): Promise<Report> {
  const { scope } = input;
  await unitFor(deps, who, 'decideStage', unitId);
  const report = await currentReport(deps, unitId);
  assertMove('approve', report);
  if (report.submittedBy === who.username) {
    throw fail('SAME_PERSON');
  }
  const token = randomBytes(16).toString('base64url');
  const { published, sha256 } = await toPublish(deps, report, input.publishExcellent);
  const approvedAt = deps.now().toISOString();
  // The disclosure joins the campaign's publication log, chained to the entry before it.
  return atLogHead(deps, report.campaignId, async (head) => {
    const entry = nextEntry(head, {
      campaignId: report.campaignId,
      kind: 'disclosure',
      unitId,
      token,
      contentSha256: sha256,
      at: approvedAt,
    });
    const set = {
      state: 'approved' as const,
      approvedBy: who.username,
      approvedAt,
      scope,
      token,
      logSeq: entry.seq,
      logHash: entry.hash,
      ...(input.publishExcellent ? { published, sha256 } : {}),
    };
    await moveReport(
      deps,
      'approve',
      report,
      set,
      {
        actor: who.username,
        action: 'report.approve',
        target: `unit:${unitId}/report`,
        detail: {
          scope,
          sha256,
          logSeq: entry.seq,
          ...(input.publishExcellent ? { publishExcellent: true, submittedSha256: report.sha256 } : {}),
        },
      },
      entry,
    );
    return { ...report, ...set };
  });
}
