import { allOpinions } from '../data/repos/opinions';
import type { Deps } from '../deps';
import type { Principal } from '../domain/account';
import type { OpinionFilters, ReferencedOpinion } from '../domain/opinion';
import { listOpinions, type OpinionListPage, withheldMessage } from '../domain/opinion-list';
import { fail } from '../errors';
import { campaignOfUnit, unitFor } from './access';

const encodeOffset = (n: number) => Buffer.from(JSON.stringify({ o: n })).toString('base64url');

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const o = (parsed as { o?: unknown } | null)?.o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= 1_000_000) return o;
  } catch {
    // fall through
  }
  throw fail('BAD_CURSOR');
}

/** `?limit=&cursor=` of the opinion list. */
export interface ListPage {
  limit: number;
  cursor?: string | undefined;
}

/**
 * One page of opinions already read (the unit's, or one round's), newest day
 * first, with k applied over the whole filtered list (not the page): a
 * narrowing filter with fewer than k matches answers with a notice, and
 * respondent tags of small groups are withheld.
 */
export function opinionPage(
  opinions: ReferencedOpinion[],
  k: number,
  filters: OpinionFilters,
  page: ListPage,
): OpinionListPage {
  const offset = decodeOffset(page.cursor);
  const { rows, withheld } = listOpinions(opinions, filters, k);
  if (withheld) return { items: [], total: null, withheld: { k, message: withheldMessage(k) } };
  const end = offset + page.limit;
  return {
    items: rows.slice(offset, end),
    total: rows.length,
    ...(end < rows.length ? { nextCursor: encodeOffset(end) } : {}),
  };
}

/**
 * One page of a unit's opinions for those who may read the unit, k being its
 * campaign's. Reads the unit's opinions until live aggregates can answer the counts.
 */
export async function opinionListPage(
  deps: Deps,
  who: Principal,
  unitId: string,
  filters: OpinionFilters,
  page: ListPage,
): Promise<OpinionListPage> {
  const unit = await unitFor(deps, who, 'read', unitId);
  const k = (await campaignOfUnit(deps, who, unit)).settings.anonymityK;
  return opinionPage(await allOpinions(deps, unit.id, filters.roundId), k, filters, page);
}
