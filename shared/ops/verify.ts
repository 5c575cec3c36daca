import { hashOf } from '../domain/canonical-json';

/** Where the JSON of a disclosure page lives: `/p/{token}` → `/api/public/disclosures/{token}`. */
export function dataUrlOf(url: string): string {
  const u = new URL(url);
  const token = u.pathname.match(/^\/(?:p|api\/public\/disclosures)\/([A-Za-z0-9_-]{22})$/)?.[1];
  if (!token) throw new Error(`not a disclosure link: ${url}`);
  return new URL(`/api/public/disclosures/${token}`, u.origin).toString();
}

/**
 * Recomputes the SHA-256 of a published report from its published data and
 * compares it with the hash it was published with.
 */
export async function verifyDisclosure(
  url: string,
  fetchFn: (url: string) => Response | Promise<Response> = fetch,
): Promise<{ ok: boolean; published: string; computed: string }> {
  const res = await fetchFn(dataUrlOf(url));
  if (!res.ok) throw new Error(`could not read ${dataUrlOf(url)}: ${res.status}`);
  const body = (await res.json()) as { published?: unknown; sha256?: unknown };
  const computed = hashOf(body.published);
  return { ok: computed === body.sha256, published: String(body.sha256), computed };
}

/** `npm run verify -- <disclosure link>`: exits 0 when the hash matches, 1 when it does not. */
async function main() {
  const url = process.argv[2];
  if (!url) {
    console.error('usage: npm run verify -- <https://…/p/token>');
    process.exit(2);
  }
  const r = await verifyDisclosure(url);
  console.log(
    r.ok
      ? `一致 (matches): SHA-256 ${r.computed}`
      : `不一致 (does NOT match): published ${r.published}, recomputed ${r.computed}`,
  );
  process.exit(r.ok ? 0 : 1);
}

if (process.argv[1]?.endsWith('verify.ts')) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
