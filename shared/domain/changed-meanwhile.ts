import { fail } from '../errors';
import type { Account } from './account';
import { stageLabels } from './campaign';
import { type Member, memberCategoryLabels, type Unit, unitTypeLabels } from './org';
import { type Problem, problemAreaLabels } from './report';
import { type Determination, gradeLabels } from './review';

/**
 * The refusals of an edit made from an older read (409): each says what the
 * item is now, so the editor can check it before saving again. Without the
 * item (a write that lost a race after the check) they ask for a refresh.
 */

/** A unit changed since it was read: its facts and stage now. */
export const unitChanged = (u: Unit) =>
  fail(
    'CHANGED_MEANWHILE',
    `单位信息（现在：名称为${u.name}，类型为${unitTypeLabels[u.type]}，党组织为${u.partyOrganization}，` +
      `第一责任人职务为${u.responsibleTitle}，应到党员${u.membersDue}人，群众代表${u.massRepresentativesDue}人，` +
      `处于“${stageLabels[u.stage]}”阶段${u.stageRequest ? '，有待审批的转段申请' : ''}）`,
  );

/** A party member changed since they were read. */
export const memberChanged = (m?: Member) =>
  fail(
    'MEMBER_CHANGED',
    m &&
      `现在姓名为${m.name}，类别为${memberCategoryLabels[m.category]}，${m.probationary ? '是' : '不是'}预备党员`,
  );

/** An account changed since it was read. */
export const accountChanged = (a?: Account) =>
  fail(
    'ACCOUNT_CHANGED',
    a && `现在 ${a.username} 的姓名为${a.displayName}，状态为${a.disabled ? '已停用' : '正常'}`,
  );

/** A problem changed since it was read. */
export const problemChanged = (p?: Problem) =>
  fail(
    'PROBLEM_CHANGED',
    p && `现在的问题为“${p.title}”，属于${problemAreaLabels[p.area]}，归并了${p.opinionRefs.length}条意见`,
  );

/** A member's determination made or changed since the page was read (`name`: the member's). */
export const determinationChanged = (d?: Determination, name?: string) =>
  fail(
    'DETERMINATION_CHANGED',
    name,
    d && `现在为“${gradeLabels[d.grade]}”，理由为“${d.reason}”（${d.decidedBy}评定）`,
  );
