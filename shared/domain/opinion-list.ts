import * as z from 'zod';
import { type Opinion, type OpinionFilters, OpinionView, type ReferencedOpinion } from './opinion';
import { belowK, suppressAdditive } from './suppress';

/** An opinion as the list and the exports show it: its respondent tag is withheld where that group is small. */
export const OpinionListItem = OpinionView.extend({
  /** What a problem names when this opinion is merged into it. */
  ref: z.string(),
  /** True where the respondent tag is not shown, because its group in this list is below k. */
  respondentWithheld: z.boolean(),
}).meta({ id: 'OpinionListItem' });
export type OpinionListItem = z.infer<typeof OpinionListItem>;

/** One page of the opinion list, or the notice that a narrowing filter found fewer than k. */
export const OpinionListPage = z
  .object({
    items: z.array(OpinionListItem),
    nextCursor: z.string().optional(),
    /** How many opinions the list holds in all; null when withheld. */
    total: z.number().int().nullable(),
    /** Set instead of rows when a narrowing filter matched 1..k−1 opinions. */
    withheld: z.object({ k: z.number().int(), message: z.string() }).optional(),
  })
  .meta({ id: 'OpinionListPage' });
export type OpinionListPage = z.infer<typeof OpinionListPage>;

/** Filters that pick opinions by what people chose, as opposed to which round they were sent to. */
const narrowingKeys = ['about', 'focus', 'problem', 'respondent'] as const;
export const isNarrowed = (f: OpinionFilters) => narrowingKeys.some((key) => f[key] !== undefined);

/** Whether one opinion passes every filter. */
export function matchesFilters(o: Opinion, f: OpinionFilters): boolean {
  return (
    (f.roundId === undefined || o.roundId === f.roundId) &&
    (f.about === undefined || o.about.includes(f.about)) &&
    (f.focus === undefined || o.focus.includes(f.focus)) &&
    (f.problem === undefined || o.problems.includes(f.problem)) &&
    (f.respondent === undefined || o.respondent === f.respondent)
  );
}

const respondentKey = (o: Pick<Opinion, 'respondent'>) => o.respondent ?? 'unspecified';

/**
 * Withholds respondent tags so that no tag, and no set of untagged rows,
 * singles out fewer than k people: the tags' counts in the list are
 * suppressed like any additive breakdown (`suppressAdditive`), so the rows
 * left untagged together hold at least k, or are the whole list.
 */
export function withRespondentTags(opinions: ReferencedOpinion[], k: number): OpinionListItem[] {
  const counts: Record<string, number> = {};
  for (const o of opinions) counts[respondentKey(o)] = (counts[respondentKey(o)] ?? 0) + 1;
  const shown = new Set(
    suppressAdditive(counts, k)
      .cells.filter((c) => c.count !== null)
      .map((c) => c.key),
  );
  return opinions.map(({ receipt: _r, contentHash: _h, ...o }) => {
    const withheld = !shown.has(respondentKey(o));
    const { respondent, ...rest } = o;
    return {
      ...rest,
      ...(withheld || respondent === undefined ? {} : { respondent }),
      respondentWithheld: withheld,
    };
  });
}

/**
 * Whether answering a narrowed list would single out fewer than k people,
 * directly or by subtraction from another answer one filter wider:
 * 1. it matches 1..k−1 opinions;
 * 2. for any narrowing filter, the opinions it leaves out of the list the
 *    other filters give (its complement there) are 1..k−1;
 * 3. it filters on the respondent (one answer per person) while any cell of
 *    the respondent breakdown, in the list the other filters give, is
 *    suppressed: the summary hides those cells, so no list may count them.
 */
export function revealsSmallGroup(
  opinions: ReferencedOpinion[],
  filters: OpinionFilters,
  k: number,
): boolean {
  const matched = opinions.filter((o) => matchesFilters(o, filters)).length;
  if (belowK(matched, k)) return true;
  for (const key of narrowingKeys) {
    if (filters[key] === undefined) continue;
    const wider = opinions.filter((o) => matchesFilters(o, { ...filters, [key]: undefined }));
    if (belowK(wider.length - matched, k)) return true;
    if (key === 'respondent') {
      const counts: Record<string, number> = {};
      for (const o of wider) counts[respondentKey(o)] = (counts[respondentKey(o)] ?? 0) + 1;
      if (suppressAdditive(counts, k).cells.some((c) => c.count === null)) return true;
    }
  }
  return false;
}

/**
 * The opinions a list or export shows, newest day first.
 * 1. A narrowed list that would single out a group below k (`revealsSmallGroup`)
 *    is answered with the notice, not the rows.
 * 2. Respondent tags are withheld where their group in the list is below k.
 */
export function listOpinions(
  opinions: ReferencedOpinion[],
  filters: OpinionFilters,
  k: number,
): { rows: OpinionListItem[]; withheld: boolean } {
  if (isNarrowed(filters) && revealsSmallGroup(opinions, filters, k)) return { rows: [], withheld: true };
  const matched = opinions
    .filter((o) => matchesFilters(o, filters))
    .sort((a, b) => (a.day === b.day ? 0 : a.day < b.day ? 1 : -1));
  return { rows: withRespondentTags(matched, k), withheld: false };
}

export const withheldMessage = (k: number) =>
  `按这个条件列出会让少于${k}人的群体被认出，为保护提意见的人，不单独列出`;
