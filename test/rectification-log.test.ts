import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../shared/data/keys';
import { getMeasure, measuresOf } from '../shared/data/repos/measures';
import { getPublicationHead, publicationEntries } from '../shared/data/repos/publication-log';
import { getReport } from '../shared/data/repos/reports';
import { demoAccounts, demoPassword } from '../shared/demo/campaign';
import { seedDemo } from '../shared/demo/seed';
import { checkChain } from '../shared/domain/publication-log';
import { verifyDisclosure } from '../shared/ops/verify';
import { asRecord, call, tokenFor } from './support/api';
import { simulateTransactionConflicts } from './support/conflict-simulator';
import { createTestContext, type TestContext } from './support/test-env';

/**
 * A disclosure's rectification section (measures, progress, the latest
 * evaluation by codes) changes after approval; each change is an entry of
 * the campaign's publication log, so a measure rewritten in the table
 * without its entry, or an entry altered, shows to anyone who checks.
 */
describe('the rectification section in the publication log', () => {
  let t: TestContext;
  let office = '';
  let campaignId = '';
  /** The demo's two approved units: their ids and disclosure links. */
  const disclosed: { unitId: string; link: string }[] = [];
  const viaApp = (url: string) => t.app.request(new URL(url).pathname);
  const json = async (link: string) =>
    asRecord(await (await viaApp(link.replace('/p/', '/api/public/disclosures/'))).json());
  const progress = async (unitId: string, measureId: string, note: string) => {
    const m = await getMeasure(t.deps, unitId, measureId);
    return call(t, office, 'POST', `/api/units/${unitId}/measures/${measureId}/progress`, {
      note,
      state: 'underway',
      version: m?.version,
    });
  };

  beforeAll(async () => {
    t = await createTestContext({ LOG_LEVEL: 'warn' });
    await seedDemo(t.deps, 'http://x');
    office = await tokenFor(t, demoAccounts.office.username, demoPassword);
    const campaigns = (await call(t, office, 'GET', '/api/campaigns')).json as { items: { id: string }[] };
    campaignId = campaigns.items[0]?.id ?? '';
    const units = (await call(t, office, 'GET', `/api/campaigns/${campaignId}/units?limit=100`)).json as {
      items: { id: string }[];
    };
    for (const u of units.items) {
      const report = await getReport(t.deps, u.id);
      if (report?.state === 'approved') disclosed.push({ unitId: u.id, link: `http://x/p/${report.token}` });
    }
    expect(disclosed).toHaveLength(2);
  }, 60_000);

  it('logs the demo’s measures and evaluations, and each disclosure verifies', async () => {
    const entries = await publicationEntries(t.deps, campaignId);
    expect(checkChain(entries)).toBeUndefined();
    expect(entries.filter((e) => e.kind === 'disclosure')).toHaveLength(2);
    for (const d of disclosed) {
      const shown = asRecord((await json(d.link)).rectification);
      // The demo's evaluations by codes are counted: the section shows the latest one.
      expect(asRecord(shown.content).evaluation).not.toBeNull();
      const latest = entries.filter((e) => e.kind === 'rectification' && e.unitId === d.unitId).at(-1);
      expect(asRecord(shown.log).seq).toBe(latest?.seq);
      expect(shown.sha256).toBe(latest?.contentSha256);
      const v = await verifyDisclosure(d.link, viaApp);
      expect(v.ok, JSON.stringify(v.lines)).toBe(true);
      expect(v.lines.map((l) => l.zh).join('\n')).toContain(`整改落实情况与公示记录第${latest?.seq}条一致`);
    }
  });

  it('adds an entry for each change, and names the entry when a measure or an entry is altered', async () => {
    const [{ unitId, link } = { unitId: '', link: '' }] = disclosed;
    const [measure] = await measuresOf(t.deps, unitId);
    if (!measure) throw new Error('the demo unit has measures');
    const before = (await getPublicationHead(t.deps, campaignId))?.seq ?? 0;
    expect((await progress(unitId, measure.id, '已召开专题会部署')).status).toBe(200);
    const seq = before + 1;
    expect((await getPublicationHead(t.deps, campaignId))?.seq).toBe(seq);
    const page = await (await viaApp(link)).text();
    expect(page).toContain('已召开专题会部署');
    expect(page).toContain(`整改落实情况的 SHA-256（公示记录第 ${seq} 条）`);
    expect((await verifyDisclosure(link, viaApp)).ok).toBe(true);

    const TableName = t.deps.tableName;
    const put = (item: Record<string, unknown>) => t.deps.db.send(new PutCommand({ TableName, Item: item }));
    const get = async (key: { pk: string; sk: string }) =>
      asRecord((await t.deps.db.send(new GetCommand({ TableName, Key: key }))).Item);
    const failure = async () => {
      const v = await verifyDisclosure(link, viaApp);
      expect(v.ok).toBe(false);
      return v.lines.at(-1)?.zh ?? '';
    };
    // Someone with write access to the table softens the progress note, and nothing else.
    const stored = await get(keys.measure(unitId, measure.id));
    const progressList = stored.progress as { note: string }[];
    await put({ ...stored, progress: progressList.map((p, i) => (i === 0 ? { ...p, note: '已完成' } : p)) });
    expect(await failure()).toContain(`整改落实情况与公示记录第${seq}条不符`);
    await put(stored);
    // Or alters the entry itself: the chain breaks there.
    const entryKey = keys.publicationEntry(campaignId, seq);
    const entry = await get(entryKey);
    await put({ ...entry, contentSha256: '0'.repeat(64) });
    expect(await failure()).toContain(`第${seq}条`);
    await put(entry);
    expect((await verifyDisclosure(link, viaApp)).ok).toBe(true);
  });

  it('deletes a measure set by mistake as a new entry, and never one the masses have rated', async () => {
    const [{ unitId, link } = { unitId: '', link: '' }] = disclosed;
    const [rated] = await measuresOf(t.deps, unitId);
    const refused = await call(
      t,
      office,
      'DELETE',
      `/api/units/${unitId}/measures/${rated?.id}?version=${rated?.version}`,
    );
    expect(asRecord(asRecord(refused.json).error).code).toBe('MEASURE_EVALUATED');
    const problems = (await call(t, office, 'GET', `/api/units/${unitId}/problems`)).json as {
      items: { id: string }[];
    };
    const added = await call(t, office, 'POST', `/api/units/${unitId}/measures`, {
      problemId: problems.items[0]?.id,
      action: '误填的一项措施，马上删除',
      post: '党支部书记',
      deadline: '2099-01-31',
    });
    expect(added.status).toBe(201);
    const before = (await getPublicationHead(t.deps, campaignId))?.seq ?? 0;
    const id = String(asRecord(added.json).id);
    const gone = await call(t, office, 'DELETE', `/api/units/${unitId}/measures/${id}?version=1`);
    expect(gone.status).toBe(204);
    expect((await getPublicationHead(t.deps, campaignId))?.seq).toBe(before + 1);
    expect(await (await viaApp(link)).text()).not.toContain('误填的一项措施');
    expect((await verifyDisclosure(link, viaApp)).ok).toBe(true);
  });

  it('lands every one of many changes at once across the campaign’s units, on AWS’s conflict rules', async () => {
    const raised = simulateTransactionConflicts(t.deps.db);
    const before = (await getPublicationHead(t.deps, campaignId))?.seq ?? 0;
    const writes = (
      await Promise.all(
        disclosed.map(async (d) =>
          (await measuresOf(t.deps, d.unitId)).slice(0, 3).map((m) => [d.unitId, m.id]),
        ),
      )
    ).flat();
    expect(writes.length).toBeGreaterThanOrEqual(4);
    const answers = await Promise.all(writes.map(([u, m]) => progress(u ?? '', m ?? '', '同时记录的进展')));
    expect(answers.map((a) => a.status)).toEqual(writes.map(() => 200));
    expect(raised.transactions).toBeGreaterThan(0);
    const entries = await publicationEntries(t.deps, campaignId);
    expect(checkChain(entries)).toBeUndefined();
    expect(entries.length).toBe(before + writes.length);
    for (const d of disclosed) expect((await verifyDisclosure(d.link, viaApp)).ok).toBe(true);
  });
});
