import * as z from 'zod';
import { fail } from '../errors';
import { Measure, measureStateLabels } from './rectification';
import type { SelfAnalysis } from './self-analysis';

/**
 * A measure from a member's approved 党性分析 material, followed in the
 * unit's rectification list like the unit's own (state, dated progress,
 * overdue past its deadline). It names the member, so it is shown only in
 * the console and on the member's own link, never in the disclosure's
 * rectification section nor put to the masses' satisfaction evaluation.
 */
export const MemberMeasure = Measure.omit({ problemId: true, post: true })
  .extend({
    /** `{memberId}-{n}`: the n-th measure of the member's approved material. */
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
  })
  .meta({ id: 'MemberMeasure' });
export type MemberMeasure = z.infer<typeof MemberMeasure>;

/** The measures an approval puts on the unit's rectification list, planned, one per measure written. */
export const measuresOfApproved = (material: SelfAnalysis, at: string): MemberMeasure[] =>
  material.content.measures.map((m, i) => ({
    id: `${material.id}-${i + 1}`,
    unitId: material.unitId,
    memberId: material.id,
    memberName: material.memberName,
    action: m.action,
    deadline: m.deadline,
    state: 'planned',
    progress: [],
    updatedAt: at,
    version: 1,
  }));

/** A progress note made from an older read of a member measure: refused, saying where it stands now. */
export const memberMeasureChanged = (now: MemberMeasure) =>
  fail(
    'MEASURE_CHANGED',
    `现在的措施为“${now.action}”，完成时限为${now.deadline}，状态为${measureStateLabels[now.state]}`,
  );
