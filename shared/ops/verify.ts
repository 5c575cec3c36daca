import { hashOf } from '../domain/canonical-json';
import { checkChain, type PublicationEntry } from '../domain/publication-log';
import { analysesTokenOf, verifyAnalyses } from './verify-analyses';

type Fetch = (url: string) => Response | Promise<Response>;

/** The token of a disclosure link (`/p/{token}` or its JSON). */
function tokenOf(url: string): { origin: string; token: string } {
  const u = new URL(url);
  const token = u.pathname.match(/^\/(?:p|api\/public\/disclosures)\/([A-Za-z0-9_-]{22})$/)?.[1];
  if (!token) throw new Error(`not a disclosure link 不是公示链接: ${url}`);
  return { origin: u.origin, token };
}

/** Where the JSON of a disclosure page lives: `/p/{token}` → `/api/public/disclosures/{token}`. */
export const dataUrlOf = (url: string) => {
  const { origin, token } = tokenOf(url);
  return new URL(`/api/public/disclosures/${token}`, origin).toString();
};

export interface Verdict {
  ok: boolean;
  /** What was checked, in order; the first failure ends the walk. */
  lines: { ok: boolean; zh: string; en: string }[];
  computed: string;
  published: string;
}

export async function read(fetchFn: Fetch, url: string) {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`could not read 无法读取 ${url}: ${res.status}`);
  return res;
}

/** A verdict being written: each check in order, and the verdict once the walk ends. */
export function verdictOf(computed: string, published: unknown) {
  const lines: Verdict['lines'] = [];
  const check = (ok: boolean, zh: string, en: string) => {
    lines.push({ ok, zh, en });
    return ok;
  };
  const done = (ok: boolean): Verdict => ({ ok, lines, computed, published: String(published) });
  return { check, done };
}

/** Reads a campaign's publication log and walks it from its first entry; undefined (and the break named) when broken. */
export async function walkedLog(
  fetchFn: Fetch,
  origin: string,
  campaignId: string,
  check: (ok: boolean, zh: string, en: string) => boolean,
): Promise<PublicationEntry[] | undefined> {
  const logUrl = new URL(`/api/public/publication-log/${campaignId}`, origin).toString();
  const { entries } = (await (await read(fetchFn, logUrl)).json()) as { entries: PublicationEntry[] };
  const broken = checkChain(entries);
  if (!broken) return entries;
  check(false, `公示记录${broken.zh}`, `publication log: ${broken.en}`);
  return undefined;
}

/**
 * Checks a disclosure from outside, trusting nothing the server says about itself:
 * 1. recomputes the SHA-256 of the published JSON and compares it with the hash served;
 * 2. reads the page people see and checks it shows that hash;
 * 3. walks the campaign's publication log from its first entry to its head:
 *    numbering, each entry's own hash, each link to the entry before;
 * 4. checks the disclosure's own entry holds the recomputed hash and its token;
 * 5. recomputes the hash of the rectification section (measures, progress,
 *    latest evaluation) and checks it is the one the latest rectification
 *    entry for this disclosure holds, and the one the page shows (with no such
 *    entry yet, the section must be empty);
 * 6. with `head` (copied from a printed sheet or an earlier visit), checks that
 *    entry is still in the chain, so rewriting the whole log shows too.
 */
export async function verifyDisclosure(url: string, fetchFn: Fetch = fetch, head?: string): Promise<Verdict> {
  const { origin, token } = tokenOf(url);
  const body = (await (await read(fetchFn, dataUrlOf(url))).json()) as {
    published?: unknown;
    sha256?: unknown;
    log?: { campaignId: string; seq: number; hash: string; head: { seq: number; hash: string } };
    rectification?: {
      content?: { measures?: unknown[]; evaluation?: unknown };
      sha256?: unknown;
      log?: { seq: number };
    };
  };
  const computed = hashOf(body.published);
  const { check, done } = verdictOf(computed, body.sha256);
  if (
    !check(
      computed === body.sha256,
      `内容哈希 ${computed}`,
      `content hash ${computed} matches the one served`,
    )
  )
    return done(false);
  const page = await (await read(fetchFn, new URL(`/p/${token}`, origin).toString())).text();
  if (!check(page.includes(computed), '页面显示的哈希与内容一致', 'the page shows the same hash'))
    return done(false);
  if (!body.log) {
    check(false, '没有公示记录可以核对', 'no publication log to walk');
    return done(false);
  }
  const entries = await walkedLog(fetchFn, origin, body.log.campaignId, check);
  if (!entries) return done(false);
  const last = entries.at(-1);
  if (
    !check(
      last?.hash === body.log.head.hash,
      `公示记录共 ${entries.length} 条，首尾相接`,
      `log of ${entries.length} entries links from first to head`,
    )
  )
    return done(false);
  const own = entries.find((e) => e.seq === body.log?.seq);
  if (
    !check(
      own?.contentSha256 === computed && own.token === token,
      `第${body.log.seq}条记的正是这份公示`,
      `entry ${body.log.seq} records this disclosure`,
    )
  )
    return done(false);
  if (!rectificationHolds(body.rectification, entries, token, page, check)) return done(false);
  return done(headHolds(entries, head, check));
}

/** With a head hash copied earlier (a printed sheet, an earlier visit): that entry is still in the chain. */
export function headHolds(
  entries: PublicationEntry[],
  head: string | undefined,
  check: (ok: boolean, zh: string, en: string) => boolean,
): boolean {
  if (!head) return true;
  const seen = entries.find((e) => e.hash === head.toLowerCase());
  return check(
    Boolean(seen),
    `抄下的哈希是第${seen?.seq ?? '?'}条`,
    `the copied head is entry ${seen?.seq ?? '?'} of the log`,
  );
}

/** Step 5: the live rectification section against its latest entry in the log. */
function rectificationHolds(
  r:
    | { content?: { measures?: unknown[]; evaluation?: unknown }; sha256?: unknown; log?: { seq: number } }
    | undefined,
  entries: PublicationEntry[],
  token: string,
  page: string,
  check: (ok: boolean, zh: string, en: string) => boolean,
): boolean {
  if (!r?.content) return check(false, '没有整改落实情况可以核对', 'no rectification section to check');
  const computed = hashOf(r.content);
  if (!check(computed === r.sha256, `整改落实情况哈希 ${computed}`, `rectification hash ${computed} matches`))
    return false;
  const latest = entries.filter((e) => e.kind === 'rectification' && e.token === token).at(-1);
  if (!latest) {
    const empty = (r.content.measures?.length ?? 0) === 0 && (r.content.evaluation ?? null) === null;
    return check(
      empty,
      empty ? '尚无整改措施，公示记录中也没有' : '整改落实情况没有记入公示记录',
      empty ? 'no measures yet, and none logged' : 'the rectification shown was never logged',
    );
  }
  return (
    check(
      latest.contentSha256 === computed && r.log?.seq === latest.seq,
      `整改落实情况与公示记录第${latest.seq}条${latest.contentSha256 === computed ? '一致' : '不符（内容被改动）'}`,
      `rectification ${latest.contentSha256 === computed ? 'matches' : 'does NOT match'} entry ${latest.seq}`,
    ) &&
    check(
      page.includes(computed),
      '页面显示的整改落实情况哈希一致',
      'the page shows the same rectification hash',
    )
  );
}

/** `npm run verify -- <disclosure link> [--head <hash>]`: exits 0 when everything checks, 1 when not. */
async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--head');
  const head = at >= 0 ? args[at + 1] : undefined;
  const url = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!url) {
    console.error('usage: npm run verify -- <https://…/p/token | https://…/a/token> [--head <hash>]');
    process.exit(2);
  }
  const r = analysesTokenOf(url)
    ? await verifyAnalyses(url, fetch, head)
    : await verifyDisclosure(url, fetch, head);
  for (const l of r.lines) console.log(`${l.ok ? '✓' : '✗'} ${l.zh} (${l.en})`);
  console.log(r.ok ? '一致 (verified)' : '不一致 (does NOT verify)');
  process.exit(r.ok ? 0 : 1);
}

if (process.argv[1]?.endsWith('verify.ts')) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
