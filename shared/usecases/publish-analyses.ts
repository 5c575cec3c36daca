import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { getAnalysesDisclosure, putAnalysesDisclosure } from '../data/repos/analyses-disclosures';
import { allMembers } from '../data/repos/members';
import { atLogHead } from '../data/repos/publication-log';
import { selfAnalysesOf } from '../data/repos/self-analyses';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { type AnalysesContent, type AnalysesDisclosure, analysesScopes } from '../domain/analyses-disclosure';
import { hashOf } from '../domain/canonical-json';
import { parseInput } from '../domain/input';
import { nextEntry } from '../domain/publication-log';
import { fail } from '../errors';
import { unitFor } from './access';

export const PublishInput = z.strictObject({ scope: z.enum(analysesScopes) });

/**
 * 适当范围公开: publishes the unit's approved materials (all of them, in the
 * member list's order) within the chosen scope, as a new entry of the
 * campaign's publication log; publishing again after more approvals (or to
 * widen or narrow the scope) appends another entry and replaces what the
 * pages show. The unit's leader, its supervision group or the office.
 */
export async function publishAnalyses(deps: Deps, who: Principal, unitId: string, input: unknown) {
  const { scope } = parseInput(PublishInput, input);
  const unit = await unitFor(deps, who, 'checkAnalysis', unitId);
  const [members, materials, previous] = await Promise.all([
    allMembers(deps, unit.id),
    selfAnalysesOf(deps, unit.id),
    getAnalysesDisclosure(deps, unit.id),
  ]);
  const approved = new Map(materials.filter((m) => m.state === 'approved').map((m) => [m.id, m]));
  const content: AnalysesContent = {
    unitId: unit.id,
    unitName: unit.name,
    scope,
    materials: members.flatMap((member) => {
      const m = approved.get(member.id);
      return m?.approvedAt && m.sha256
        ? [
            {
              memberId: m.id,
              memberName: m.memberName,
              category: m.category,
              content: m.content,
              approvedAt: m.approvedAt,
              sha256: m.sha256,
            },
          ]
        : [];
    }),
  };
  if (content.materials.length === 0) throw fail('NOTHING_TO_PUBLISH');
  const token = previous?.token ?? randomBytes(16).toString('base64url');
  const sha256 = hashOf(content);
  return atLogHead(deps, unit.campaignId, async (head) => {
    const entry = nextEntry(head, {
      campaignId: unit.campaignId,
      kind: 'analyses',
      unitId: unit.id,
      token,
      contentSha256: sha256,
      at: deps.now().toISOString(),
    });
    const disclosure: AnalysesDisclosure = {
      campaignId: unit.campaignId,
      token,
      content,
      sha256,
      log: { seq: entry.seq, hash: entry.hash },
      publishedAt: entry.at,
      publishedBy: who.username,
    };
    await putAnalysesDisclosure(deps, disclosure, entry, previous?.log.seq, who.username);
    return disclosure;
  });
}
