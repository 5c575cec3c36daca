import { hashOf } from '../domain/canonical-json';
import { headHolds, read, type Verdict, verdictOf, walkedLog } from './verify';

type Fetch = (url: string) => Response | Promise<Response>;

/** The token of a link to a unit's published 党性分析 materials (`/a/{token}` or its JSON). */
export function analysesTokenOf(url: string): { origin: string; token: string } | undefined {
  const u = new URL(url);
  const token = u.pathname.match(/^\/(?:a|api\/public\/analyses)\/([A-Za-z0-9_-]{22})$/)?.[1];
  return token ? { origin: u.origin, token } : undefined;
}

/**
 * Checks a unit's published 党性分析 materials from outside, as the report is
 * checked: the content's SHA-256 recomputed and compared with the one served
 * and the one the page shows; the campaign's publication log walked from its
 * first entry; the entry named holding that hash and this page's token, and
 * no later entry of this page (what is shown is its latest publication);
 * with `head`, that entry still in the chain.
 */
export async function verifyAnalyses(url: string, fetchFn: Fetch = fetch, head?: string): Promise<Verdict> {
  const where = analysesTokenOf(url);
  if (!where) throw new Error(`not a link to published materials 不是党性分析公开链接: ${url}`);
  const { origin, token } = where;
  const body = (await (
    await read(fetchFn, new URL(`/api/public/analyses/${token}`, origin).toString())
  ).json()) as {
    campaignId: string;
    content: unknown;
    sha256: string;
    log: { seq: number; hash: string };
  };
  const computed = hashOf(body.content);
  const { check, done } = verdictOf(computed, body.sha256);
  if (
    !check(
      computed === body.sha256,
      `内容哈希 ${computed}`,
      `content hash ${computed} matches the one served`,
    )
  )
    return done(false);
  const page = await (await read(fetchFn, new URL(`/a/${token}`, origin).toString())).text();
  if (!check(page.includes(computed), '页面显示的哈希与内容一致', 'the page shows the same hash'))
    return done(false);
  const entries = await walkedLog(fetchFn, origin, body.campaignId, check);
  if (!entries) return done(false);
  const own = entries.filter((e) => e.kind === 'analyses' && e.token === token).at(-1);
  if (
    !check(
      own?.seq === body.log.seq && own.contentSha256 === computed,
      `公示记录第${body.log.seq}条记的正是这些材料，且是其最新一次公开`,
      `entry ${body.log.seq} records these materials, and is their latest publication`,
    )
  )
    return done(false);
  return done(headHolds(entries, head, check));
}
