import * as z from 'zod';
import { memberMeasurePut } from '../data/repos/member-measures';
import { allMembers, getMember } from '../data/repos/members';
import { getSelfAnalysis, moveMaterial, selfAnalysesOf } from '../data/repos/self-analyses';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import { parseInput } from '../domain/input';
import { measuresOfApproved } from '../domain/member-measure';
import {
  analysisLimits,
  materialSha256,
  type SelfAnalysis,
  type SelfAnalysisState,
  teamAnalysisId,
  teamAuthor,
} from '../domain/self-analysis';
import { fail, notFound } from '../errors';
import { unitFor } from './access';
import { type MaterialSave, nextMaterial } from './self-analysis-desk';

/** One member's line in the unit's 党性分析 list: their state and, once started, the material. */
export interface AnalysisRow {
  memberId: string;
  memberName: string;
  category: string;
  state: SelfAnalysisState | 'notStarted';
  material?: SelfAnalysis | undefined;
}

/**
 * Every member of the unit with where their 党性分析 stands (anyone who may
 * read the unit: its leader, its supervision group, the office), in the
 * member list's order, and the count of those submitted and approved.
 */
export async function unitSelfAnalyses(deps: Deps, who: Principal, unitId: string) {
  const unit = await unitFor(deps, who, 'read', unitId);
  const [members, materials, team] = await Promise.all([
    allMembers(deps, unit.id),
    selfAnalysesOf(deps, unit.id),
    getSelfAnalysis(deps, teamAnalysisId(unit.id)),
  ]);
  const byMember = new Map(materials.map((m) => [m.id, m]));
  const rows: AnalysisRow[] = members.map((m) => {
    const material = byMember.get(m.id);
    return {
      memberId: m.id,
      memberName: m.name,
      category: m.category,
      state: material?.state ?? 'notStarted',
      ...(material ? { material } : {}),
    };
  });
  const count = (s: SelfAnalysisState) => rows.filter((r) => r.state === s).length;
  return {
    unit,
    rows,
    due: rows.length,
    submitted: count('submitted') + count('approved'),
    approved: count('approved'),
    /** The leading team's 领导班子分析检查报告, once started. */
    team,
  };
}

/**
 * A material, authorized for 组织把关 in its unit: a member's by the leader,
 * the supervision group or the office; the leading team's by the supervision
 * group or the office, never by the team itself.
 */
async function materialFor(deps: Deps, who: Principal, id: string) {
  const material = await getSelfAnalysis(deps, id);
  if (!material) throw notFound('党性分析材料不存在');
  await unitFor(deps, who, material.team ? 'checkTeamAnalysis' : 'checkAnalysis', material.unitId);
  return material;
}

const checkable = (m: SelfAnalysis) => {
  if (m.state === 'approved') throw fail('ANALYSIS_APPROVED');
  if (m.state !== 'submitted') throw fail('ANALYSIS_NOT_SUBMITTED');
};

/**
 * 组织把关: approves a submitted material. It is frozen from then on (its
 * SHA-256 kept, 409 for any later change or a second approval), and its
 * measures join the unit's rectification list, in the same transaction as
 * the approval and its audit record.
 */
export async function approveSelfAnalysis(deps: Deps, who: Principal, id: string) {
  const material = await materialFor(deps, who, id);
  checkable(material);
  const at = deps.now().toISOString();
  const next: SelfAnalysis = {
    ...material,
    state: 'approved',
    version: material.version + 1,
    updatedAt: at,
    approvedAt: at,
    approvedBy: who.username,
    sha256: materialSha256(material, at),
  };
  const measures = measuresOfApproved(next, at);
  await moveMaterial(
    deps,
    next,
    {
      actor: who.username,
      action: 'analysis.approve',
      detail: { memberName: material.memberName, sha256: next.sha256, measures: measures.length },
    },
    measures.map((m) => memberMeasurePut(deps.tableName, m)),
  );
  return next;
}

export const ReturnInput = z.strictObject({
  comment: z.string().trim().min(2, '请写明退回的原因和修改要求').max(analysisLimits.comment),
});

/** Sends a submitted material back to the member's link with a comment (not deep enough, …). Audited. */
export async function returnSelfAnalysis(deps: Deps, who: Principal, id: string, input: unknown) {
  const { comment } = parseInput(ReturnInput, input);
  const material = await materialFor(deps, who, id);
  checkable(material);
  const at = deps.now().toISOString();
  const next: SelfAnalysis = {
    ...material,
    state: 'returned',
    version: material.version + 1,
    updatedAt: at,
    returnComment: comment,
    returnedAt: at,
  };
  await moveMaterial(deps, next, {
    actor: who.username,
    action: 'analysis.return',
    detail: { memberName: material.memberName, comment },
  });
  return next;
}

/**
 * The secretary types in a member's paper material (as a draft or
 * submitted), marked as entered by them; only while it may still change.
 * With the team's id (`teamAnalysisId`), the unit writes its leading team's
 * 领导班子分析检查报告 the same way. Audited.
 */
export async function enterSelfAnalysis(
  deps: Deps,
  who: Principal,
  unitId: string,
  memberId: string,
  save: MaterialSave,
) {
  const team = memberId === teamAnalysisId(unitId);
  // The leading team's own report is written by the unit (its leader or the office), not checked by it.
  const unit = await unitFor(deps, who, team ? 'collect' : 'checkAnalysis', unitId);
  if (unit.stage !== 'appraisal') throw fail('WRONG_STAGE', '分析评议', '录入党性分析材料');
  const [member, material] = await Promise.all([
    team ? teamAuthor(unit.id) : getMember(deps, unit.id, memberId),
    getSelfAnalysis(deps, memberId),
  ]);
  if (!member) throw notFound('党员不存在');
  const next = nextMaterial(deps, { member, unit, material }, save, team ? undefined : who.username);
  if (next === 'stored') return material as SelfAnalysis;
  await moveMaterial(deps, next, {
    actor: who.username,
    action: team ? 'analysis.team.save' : 'analysis.enter',
    detail: { memberName: member.name, submitted: next.state === 'submitted' },
  });
  return next;
}
