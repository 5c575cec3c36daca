import { getAnalysesDisclosure } from '../data/repos/analyses-disclosures';
import { memberLinksOf } from '../data/repos/member-links';
import { getMember } from '../data/repos/members';
import { getSelfAnalysis } from '../data/repos/self-analyses';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { teamAnalysisId, teamAuthor } from '../domain/self-analysis';
import { notFound } from '../errors';
import { allows, unitFor, unitResource } from './access';
import { unitSelfAnalyses } from './self-analyses';

const powers = (who: Principal, unit: { id: string; campaignId: string; groupId: string }) => {
  const where = unitResource({ ...unit, unitId: unit.id });
  return {
    canCheck: allows(who, 'checkAnalysis', where),
    canCheckTeam: allows(who, 'checkTeamAnalysis', where),
    canWriteTeam: allows(who, 'collect', where),
    canManageLinks: allows(who, 'manageMembers', where),
  };
};

/** The console's 党性分析 list: each member's state, whether they hold a link, and what the viewer may do. */
export async function selfAnalysesPage(deps: Deps, who: Principal, unitId: string) {
  const { unit, rows, due, submitted, approved, team } = await unitSelfAnalyses(deps, who, unitId);
  const can = powers(who, unit);
  const [slots, published] = await Promise.all([
    can.canManageLinks ? memberLinksOf(deps, unit.id) : [],
    getAnalysesDisclosure(deps, unit.id),
  ]);
  const linked = new Set(slots.map((s) => s.memberId));
  return {
    unit,
    published,
    lines: rows.map((r) => ({ ...r, hasLink: linked.has(r.memberId) })),
    counts: { due, submitted, approved },
    team,
    ...can,
  };
}

/**
 * One member's material in the console (anyone who may read the unit), or
 * the leading team's report (the team's id), and what the viewer may do:
 * check it (approve or return), and type it (a member's paper material, by
 * whoever checks; the team's report, by the unit itself).
 */
export async function selfAnalysisPage(deps: Deps, who: Principal, unitId: string, memberId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const team = memberId === teamAnalysisId(unit.id);
  const [member, material] = await Promise.all([
    team ? teamAuthor(unit.id) : getMember(deps, unit.id, memberId),
    getSelfAnalysis(deps, memberId),
  ]);
  if (!member) throw notFound('党员不存在');
  const can = powers(who, unit);
  return {
    unit,
    member,
    material,
    team,
    canCheck: team ? can.canCheckTeam : can.canCheck,
    canType: team ? can.canWriteTeam : can.canCheck,
  };
}
