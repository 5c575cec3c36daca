import { analysesByToken, getAnalysesDisclosure } from '../data/repos/analyses-disclosures';
import { getMemberLink } from '../data/repos/member-links';
import { getMember } from '../data/repos/members';
import { problemsOf } from '../data/repos/reports';
import { getSelfAnalysis, saveOwnMaterial } from '../data/repos/self-analyses';
import { getUnit } from '../data/repos/units';
import type { Deps } from '../deps';
import { canonicalJson } from '../domain/canonical-json';
import { parseInput } from '../domain/input';
import { MemberLinkToken, memberLinkHash } from '../domain/member-link';
import type { Member, Unit } from '../domain/org';
import { token22Pattern } from '../domain/public-forms';
import {
  editable,
  missingParts,
  promptsFor,
  type SelfAnalysis,
  SelfAnalysisContent,
  selfAnalysisStateLabels,
  teamAnalysisId,
  unitProblemsFor,
} from '../domain/self-analysis';
import { fail, notFound, validationError } from '../errors';
import { ownFeedback } from './own-feedback';

const unknownLink = () => notFound('找不到这个个人链接。链接可能已经作废，请向本单位党支部索取新的链接');

/**
 * What a member's personal link opens: the member, the unit, their 党性分析
 * material if any, and the prompts for writing it (the seed's problems for
 * the member's category, and the unit's problems of that category). A
 * revoked or unknown token opens nothing (404).
 */
export async function memberDesk(deps: Deps, token: string) {
  if (!MemberLinkToken.safeParse(token).success) throw unknownLink();
  const link = await getMemberLink(deps, memberLinkHash(deps.config.CODE_HASH_SECRET, token));
  if (!link) throw unknownLink();
  const [member, unit, material, problems, published] = await Promise.all([
    getMember(deps, link.unitId, link.memberId),
    getUnit(deps, link.unitId),
    getSelfAnalysis(deps, link.memberId),
    problemsOf(deps, link.unitId),
    getAnalysesDisclosure(deps, link.unitId),
  ]);
  if (!member || !unit) throw unknownLink();
  return {
    member,
    unit,
    material,
    feedback: await ownFeedback(deps, member),
    /** The unit's approved materials as made public (members and unit scope alike reach the members). */
    published,
    prompts: promptsFor(member.category),
    unitProblems: unitProblemsFor(member.category, problems),
  };
}
export type MemberDesk = Awaited<ReturnType<typeof memberDesk>>;

/** What a save asks: the text, the version it was written from, and whether to submit it. */
export interface MaterialSave {
  content: unknown;
  version: number;
  submit: boolean;
}

/**
 * The next version of a material, saved as a draft or submitted, from the
 * member (or, `enteredBy`, the secretary typing in a paper one). Only a draft
 * or a returned material changes (409 `ANALYSIS_LOCKED`); submitting asks for
 * every part (400, each part named). A resend of the page that was already
 * stored (same text, same intent, one version on) answers what is stored.
 */
export function nextMaterial(
  deps: Deps,
  who: { member: Pick<Member, 'id' | 'name' | 'category'>; unit: Unit; material?: SelfAnalysis | undefined },
  save: MaterialSave,
  enteredBy?: string,
): SelfAnalysis | 'stored' {
  const content = parseInput(SelfAnalysisContent, save.content);
  const state = save.submit ? 'submitted' : 'draft';
  const was = who.material;
  if (was && was.version === save.version + 1 && was.state === state) {
    if (canonicalJson(was.content) === canonicalJson(content)) return 'stored';
  }
  if (!editable(was?.state)) throw fail('ANALYSIS_LOCKED', selfAnalysisStateLabels[was?.state ?? 'draft']);
  if ((was?.version ?? 0) !== save.version) throw fail('ANALYSIS_CHANGED');
  if (save.submit) {
    const missing = missingParts(content);
    if (missing.length > 0) throw validationError(missing, '材料还不完整，请补全后再提交');
  }
  const now = deps.now().toISOString();
  const { returnComment: _comment, returnedAt: _returned, enteredBy: _by, ...kept } = was ?? {};
  return {
    ...kept,
    id: who.member.id,
    unitId: who.unit.id,
    campaignId: who.unit.campaignId,
    groupId: who.unit.groupId,
    memberName: who.member.name,
    category: who.member.category,
    state,
    content,
    version: save.version + 1,
    updatedAt: now,
    // A returned material keeps the comment on view while it is being revised, until it goes up again.
    ...(!save.submit && was?.returnComment ? { returnComment: was.returnComment } : {}),
    ...(save.submit ? { submittedAt: now } : {}),
    ...(enteredBy ? { enteredBy } : {}),
    ...(who.member.id === teamAnalysisId(who.unit.id) ? { team: true as const } : {}),
  };
}

/** The member's own save through the link, while the unit is in 分析评议. */
export async function saveOwnAnalysis(deps: Deps, token: string, save: MaterialSave) {
  const desk = await memberDesk(deps, token);
  if (desk.unit.stage !== 'appraisal') throw fail('WRONG_STAGE', '分析评议', '撰写党性分析材料');
  const next = nextMaterial(deps, desk, save);
  if (next === 'stored') return desk.material as SelfAnalysis;
  await saveOwnMaterial(deps, next);
  return next;
}

/** The unit's published materials on their own page (`/a/{token}`): only when published to the whole unit. */
export async function unitAnalysesPage(deps: Deps, token: string) {
  const found = token22Pattern.test(token) ? await analysesByToken(deps, token) : undefined;
  if (found?.content.scope !== 'unit') throw notFound('找不到这个公开页面');
  return found;
}
