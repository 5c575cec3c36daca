import { beforeAll, describe, expect, it } from 'vitest';
import { publicationEntries } from '../shared/data/repos/publication-log';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import type { AnalysesDisclosure } from '../shared/domain/analyses-disclosure';
import { hashOf } from '../shared/domain/canonical-json';
import { checkChain } from '../shared/domain/publication-log';
import { verifyAnalyses } from '../shared/ops/verify-analyses';
import { asRecord, call, tokenFor } from './support/api';
import { rewriteAnalyses } from './support/tamper';
import { createTestContext, type TestContext } from './support/test-env';

/** 适当范围公开 of approved 党性分析 materials, each publication an entry of the campaign's log. */
describe('publishing approved 党性分析 materials within a scope', () => {
  let t: TestContext;
  let leader = '';
  let unitId = '';
  let links: { memberId: string; name: string; link: string }[] = [];
  const page = async (path: string) => {
    const res = await t.app.request(path, { headers: { accept: 'text/html' } });
    return { status: res.status, html: await res.text() };
  };
  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    leader = await tokenFor(t, demoAccounts.leader.username, demoPassword);
    unitId = String(asRecord(asRecord((await call(t, leader, 'GET', '/api/auth/me')).json).scope).unitId);
    links = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/member-links`)).json)
      .items as typeof links;
  }, 60_000);

  /** The unit's QR page (its opinion round's `/f/` page), where the masses find its public pages. */
  const qrPage = async () => {
    const rounds = asRecord((await call(t, leader, 'GET', `/api/units/${unitId}/rounds`)).json).items as {
      id: string;
    }[];
    return (await page(`/f/${rounds[0]?.id}`)).html;
  };

  it('publishes to the branch’s members on their links, as the next log entry, with no vote count', async () => {
    // Nothing published yet: the unit's QR page links to no materials.
    expect(await qrPage()).not.toContain('党性分析材料公开');
    const published = await call(t, leader, 'POST', `/api/units/${unitId}/self-analyses/publish`, {
      scope: 'members',
    });
    expect(published.status).toBe(200);
    const d = published.json as AnalysesDisclosure;
    // The demo's one approved material; submitted, returned and draft ones are not published.
    expect(d.content.materials.map((m) => m.memberName)).toEqual([links[0]?.name]);
    expect(d.sha256).toBe(hashOf(d.content));
    const entries = await publicationEntries(t.deps, d.campaignId);
    expect(checkChain(entries)).toBeUndefined();
    expect(entries.at(-1)).toMatchObject({
      kind: 'analyses',
      unitId,
      contentSha256: d.sha256,
      seq: d.log.seq,
    });
    // Every member of the branch reads it on their own link; nobody outside reads it by a unit page.
    const other = await page(new URL(links[7]?.link ?? '').pathname);
    expect(other.html).toContain('党员党性分析材料（经党组织认可，公开接受监督）');
    expect(other.html).toContain('理论学习浮在面上');
    expect(other.html).toContain(`本活动公示记录第 ${d.log.seq} 条`);
    expect(other.html).not.toMatch(/优秀率|合格率|票数/);
    expect((await page(`/a/${d.token}`)).status).toBe(404);
  });

  it('publishes again to the whole unit after another approval: a new entry, the page and its JSON', async () => {
    const submitted = links[1]?.memberId;
    expect((await call(t, leader, 'POST', `/api/self-analyses/${submitted}/approve`)).status).toBe(200);
    const again = await call(t, leader, 'POST', `/api/units/${unitId}/self-analyses/publish`, {
      scope: 'unit',
    });
    const d = again.json as AnalysesDisclosure;
    expect(d.content.materials).toHaveLength(2);
    const entries = await publicationEntries(t.deps, d.campaignId);
    expect(checkChain(entries)).toBeUndefined();
    expect(entries.filter((e) => e.kind === 'analyses' && e.unitId === unitId)).toHaveLength(2);
    const unitPage = await page(`/a/${d.token}`);
    expect(unitPage.status).toBe(200);
    expect(unitPage.html).toContain(links[1]?.name);
    expect(unitPage.html).toContain(d.sha256);
    // The unit's QR page now leads to it.
    expect(await qrPage()).toContain(`<a href="/a/${d.token}">查看本单位党员党性分析材料公开</a>`);
    const json = await t.app.request(`/api/public/analyses/${d.token}`);
    expect(hashOf(asRecord(await json.json()).content)).toBe(d.sha256);
    // Checked from outside like the report; a rewrite in the table (hash recomputed too) no longer matches the log.
    const viaApp = (url: string) => t.app.request(new URL(url).pathname);
    const link = `https://pingyi.example.cn/a/${d.token}`;
    expect((await verifyAnalyses(link, viaApp)).ok).toBe(true);
    await rewriteAnalyses(t, unitId, d);
    const broken = await verifyAnalyses(link, viaApp);
    expect(broken.ok).toBe(false);
    expect(broken.lines.at(-1)?.zh).toContain(`公示记录第${d.log.seq}条记的正是这些材料`);
    // The audit trail has both publications.
    const office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const trail = asRecord(
      (await call(t, office, 'GET', `/api/audit?unit=${unitId}&action=analysis.publish`)).json,
    ).items as unknown[];
    expect(trail).toHaveLength(2);
  });

  it('refuses to publish when nothing is approved, and outside the caller’s scope', async () => {
    const leader3 = await tokenFor(t, demoAccounts.leader3.username, demoPassword);
    const unit3 = String(
      asRecord(asRecord((await call(t, leader3, 'GET', '/api/auth/me')).json).scope).unitId,
    );
    const none = await call(t, leader3, 'POST', `/api/units/${unit3}/self-analyses/publish`, {
      scope: 'unit',
    });
    expect(none.status).toBe(409);
    expect(asRecord(asRecord(none.json).error).code).toBe('NOTHING_TO_PUBLISH');
    expect(
      (await call(t, leader3, 'POST', `/api/units/${unitId}/self-analyses/publish`, { scope: 'unit' }))
        .status,
    ).toBe(404);
    const bad = await call(t, leader, 'POST', `/api/units/${unitId}/self-analyses/publish`, {
      scope: 'everyone',
    });
    expect(bad.status).toBe(400);
  });
});
