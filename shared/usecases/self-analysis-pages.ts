import { getAnalysesDisclosure } from '../data/repos/analyses-disclosures';
import { memberLinksOf } from '../data/repos/member-links';
import { getMember } from '../data/repos/members';
import { getSelfAnalysis } from '../data/repos/self-analyses';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { notFound } from '../errors';
import { allows, unitFor, unitResource } from './access';
import { unitSelfAnalyses } from './self-analyses';

const powers = (who: Principal, unit: { id: string; campaignId: string; groupId: string }) => {
  const where = unitResource({ ...unit, unitId: unit.id });
  return {
    canCheck: allows(who, 'checkAnalysis', where),
    canManageLinks: allows(who, 'manageMembers', where),
  };
};

/** The console's 党性分析 list: each member's state, whether they hold a link, and what the viewer may do. */
export async function selfAnalysesPage(deps: Deps, who: Principal, unitId: string) {
  const { unit, rows, due, submitted, approved } = await unitSelfAnalyses(deps, who, unitId);
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
    ...can,
  };
}

/** One member's material in the console (anyone who may read the unit), and what the viewer may do. */
export async function selfAnalysisPage(deps: Deps, who: Principal, unitId: string, memberId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [member, material] = await Promise.all([
    getMember(deps, unit.id, memberId),
    getSelfAnalysis(deps, memberId),
  ]);
  if (!member) throw notFound('党员不存在');
  return { unit, member, material, canCheck: powers(who, unit).canCheck };
}
