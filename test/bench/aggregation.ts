import { randomBytes } from 'node:crypto';
import { getOpinionCounts } from '../../shared/data/repos/opinion-aggregates';
import { getRound } from '../../shared/data/repos/rounds';
import { opinionInput } from '../../shared/domain/opinion';
import { aboutOptions, focusAreas, problemLabels, respondentOptions } from '../../shared/domain/opinion-form';
import { streamPoller } from '../../shared/local/stream-poller';
import { submitOpinion } from '../../shared/usecases/submit-opinion';
import { recountOpinions } from '../../shared/usecases/summarize-opinions';
import type { meterWrites } from './capacity';
import { type BenchContext, signIn } from './context';
import { load } from './load';

const pickSome = <T>(xs: T[], n: number) => [...xs].sort(() => Math.random() - 0.5).slice(0, n);

/** A new unit of the demo campaign with an open round, as the office makes them. */
async function freshUnit(ctx: BenchContext, office: string) {
  const auth = { authorization: `Bearer ${office}`, 'content-type': 'application/json' };
  const get = async (path: string) => (await ctx.app.request(path, { headers: auth })).json();
  const post = async (path: string, body: unknown) => {
    const res = await ctx.app.request(path, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const [campaign] = ((await get('/api/campaigns')) as { items: { id: string }[] }).items;
  const [group] = ((await get(`/api/campaigns/${campaign?.id}/groups`)) as { items: { id: string }[] }).items;
  const unit = await post(`/api/campaigns/${campaign?.id}/units`, {
    name: `基准测试单位${randomBytes(3).toString('hex')}`,
    type: 'enterprise',
    partyOrganization: '基准测试党支部',
    responsibleTitle: '党支部书记',
    membersDue: 10,
    massRepresentativesDue: 20,
    groupId: group?.id,
  });
  const round = await post(`/api/units/${unit.id}/rounds`, {
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const stored = await getRound(ctx.deps, round.id);
  if (!stored) throw new Error('round not stored');
  return { unitId: unit.id, round: stored };
}

/**
 * Figures 4 and 5. Opinions go into a fresh unit up to each size; the
 * stream is then replayed through the aggregator as DynamoDB Local gives it
 * (GetRecords batches of up to 1,000, as the event source's batch size), and
 * the dashboard's data (`GET …/opinions/summary`) is read at each size.
 */
export async function aggregation(ctx: BenchContext, meter: ReturnType<typeof meterWrites>, sizes: number[]) {
  const office = (await signIn(ctx.app, 'office')).token;
  const { unitId, round } = await freshUnit(ctx, office);
  const poller = streamPoller(ctx.deps, ctx.client, ctx.config.DYNAMODB_ENDPOINT ?? '');
  await poller.drain(); // what the demo wrote
  const schema = opinionInput(round);
  const focus = Object.keys(focusAreas[round.unitType]);
  const opinion = () =>
    schema.parse({
      submissionId: randomBytes(16).toString('base64url'),
      respondent: pickSome(Object.keys(respondentOptions), 1)[0],
      about: pickSome(Object.keys(aboutOptions), 2),
      focus: pickSome(focus, 2),
      problems: pickSome(Object.keys(problemLabels), 3),
      opinion: '基准测试：车间加班安排需要改进，希望领导多听取一线职工意见。',
    });
  const dashboard: Record<number, { reads: number; pageReads: number }> = {};
  let aggregatorWcu = 0;
  let inserted = 0;
  for (const size of sizes) {
    await load(size - inserted, 16, async () => (await submitOpinion(ctx.deps, round, opinion())).created);
    const replay = await meter.measure(() => poller.drain());
    aggregatorWcu += replay.wcu;
    inserted = size;
    const summary = await meter.measure(async () => {
      const res = await ctx.app.request(`/api/units/${unitId}/opinions/summary`, {
        headers: { authorization: `Bearer ${office}` },
      });
      if (res.status !== 200) throw new Error(`summary: ${res.status}`);
    });
    const list = await meter.measure(async () => {
      const res = await ctx.app.request(`/api/units/${unitId}/opinions?limit=50`, {
        headers: { authorization: `Bearer ${office}` },
      });
      if (res.status !== 200) throw new Error(`list: ${res.status}`);
    });
    dashboard[size] = { reads: summary.reads, pageReads: summary.reads + list.reads };
  }
  await poller.stop();
  const live = await getOpinionCounts(ctx.deps, unitId);
  const recount = await recountOpinions(ctx.deps, unitId);
  return {
    aggregatorWcuPerItem: aggregatorWcu / inserted,
    dashboard,
    liveEqualsRecount: JSON.stringify(sorted(live)) === JSON.stringify(sorted(recount)),
    opinions: inserted,
  };
}

const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());
