import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../shared/data/client';
import { keys } from '../shared/data/keys';
import { getOpinionCounts } from '../shared/data/repos/opinion-aggregates';
import { putOpinion } from '../shared/data/repos/opinions';
import { opinionRecordsOf, type StreamRecord } from '../shared/data/stream-records';
import type { Opinion } from '../shared/domain/opinion';
import { countOpinions, fold, type OpinionFacts } from '../shared/domain/opinion-aggregate';
import { streamPoller } from '../shared/local/stream-poller';
import { aggregateOpinions } from '../shared/usecases/aggregate-opinions';
import { recountOpinions } from '../shared/usecases/summarize-opinions';
import { asRecord, call } from './support/api';
import { type OrgFixture, orgFixture } from './support/org-fixture';
import { createTestContext, type TestContext } from './support/test-env';

// The burst CI sends at once; `AGGREGATOR_BURST=20000` for a long run.
const BURST = Number(process.env.AGGREGATOR_BURST ?? 2000);

const facts = fc.record({
  roundId: fc.constantFrom('r1', 'r2', 'r3'),
  unitId: fc.constant('u1'),
  day: fc.constantFrom('2026-11-24', '2026-11-25', '2026-11-26'),
  respondent: fc.constantFrom('member', 'mass', undefined),
  about: fc.subarray(['self', 'team', 'unit']),
  focus: fc.subarray(['laborRelations', 'culture']),
  problems: fc.subarray(['powerView', 'statusView', 'interestView', 'discipline']),
});

const opinionOf = (f: OpinionFacts, i: number): Opinion => ({
  ...f,
  ...(f.respondent ? { respondent: f.respondent } : {}),
  formVersion: 1,
  opinion: `意见${i}`,
  suggestion: '',
  answers: {},
  receipt: `R${i}`,
  contentHash: `h${i}`,
});

/** A stream record of a new opinion, as DynamoDB sends it. */
const insert = (seq: number, o: Opinion): StreamRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: String(seq),
    NewImage: marshall({ ...keys.opinion(o.roundId, `S${seq}`), ...o }, { removeUndefinedValues: true }),
  },
});

describe('the opinion aggregator', () => {
  it('folds a batch into one delta per item and round whose counts add up to counting the opinions', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 60 }), (all) => {
        const records = all.map((f, i) => ({ seq: String(i + 1), opinion: f }));
        const deltas = fold([...records, ...records.slice(0, 5)]);
        const unitWide: Record<string, number> = {};
        for (const d of deltas.filter((x) => x.scope === 'ALL'))
          for (const [k, v] of Object.entries(d.counts)) unitWide[k] = (unitWide[k] ?? 0) + v;
        expect(unitWide).toEqual(countOpinions(all));
        expect(deltas.length).toBeLessThanOrEqual(6);
      }),
    );
  });

  describe('against DynamoDB Local', () => {
    let t: TestContext;
    let f: OrgFixture;
    beforeAll(async () => {
      t = await createTestContext({ LOG_LEVEL: 'warn' });
      f = await orgFixture(t);
    }, 60_000);

    it('changes nothing when a batch comes again, whole or in part, or with duplicates', async () => {
      const os = Array.from({ length: 6 }, (_, i) =>
        opinionOf(
          {
            roundId: 'rA',
            unitId: 'uA',
            day: '2026-11-26',
            about: ['self'],
            focus: [],
            problems: ['discipline'],
          },
          i,
        ),
      );
      const records = os.map((o, i) => insert(101 + i, o));
      expect((await aggregateOpinions(t.deps, opinionRecordsOf(records.slice(0, 3)))).size).toBe(0);
      expect((await aggregateOpinions(t.deps, opinionRecordsOf(records.slice(0, 3)))).size).toBe(0);
      // Redelivered overlapping the applied part, out of order, with a duplicate.
      const again = [records[4], records[1], records[2], records[3], records[5], records[4]].filter(
        (r): r is StreamRecord => Boolean(r),
      );
      expect((await aggregateOpinions(t.deps, opinionRecordsOf(again))).size).toBe(0);
      expect((await aggregateOpinions(t.deps, opinionRecordsOf(records))).size).toBe(0);
      const live = await getOpinionCounts(t.deps, 'uA');
      expect(live).toEqual(countOpinions(os));
      expect(await getOpinionCounts(t.deps, 'uA', 'rA')).toEqual(countOpinions(os));
    });

    it(`equals the exact recount after a burst of ${BURST} opinions read from the stream`, async () => {
      const rounds = await Promise.all(
        [0, 1, 2].map(async () =>
          String(
            asRecord(
              (
                await call(t, f.tokens.leader, 'POST', `/api/units/${f.ids.u1}/rounds`, {
                  closesAt: new Date(Date.now() + 86_400_000).toISOString(),
                })
              ).json,
            ).id,
          ),
        ),
      );
      const sample = fc.sample(facts, BURST);
      for (let i = 0; i < BURST; i += 200) {
        await Promise.all(
          sample.slice(i, i + 200).map((s, j) => {
            const o = opinionOf({ ...s, unitId: f.ids.u1, roundId: rounds[(i + j) % 3] ?? '' }, i + j);
            return putOpinion(t.deps, `B${String(i + j).padStart(21, '0')}`, o);
          }),
        );
      }
      await t.stream.drain();
      const recount = await recountOpinions(t.deps, f.ids.u1);
      expect(recount.total).toBe(BURST);
      expect(await getOpinionCounts(t.deps, f.ids.u1)).toEqual(recount);
      for (const r of rounds) {
        expect(await getOpinionCounts(t.deps, f.ids.u1, r)).toEqual(
          await recountOpinions(t.deps, f.ids.u1, r),
        );
      }
      // Reading the stream again from the start changes nothing.
      const again = streamAgain(t);
      await again.drain();
      await again.stop();
      expect(await getOpinionCounts(t.deps, f.ids.u1)).toEqual(recount);
    }, 120_000);

    it('renders a unit’s dashboard with the same number of reads at 10, 1,000 and 10,000 opinions', async () => {
      const sent: string[] = [];
      t.deps.db.middlewareStack.add(
        (next, context) => (args) => {
          sent.push(context.commandName ?? '');
          return next(args);
        },
        { step: 'initialize', name: 'countReads' },
      );
      const reads: number[] = [];
      try {
        let seq = 1_000_000;
        for (const n of [10, 1000, 10_000]) {
          const unitId = asRecord(
            (
              await call(t, f.tokens.office, 'POST', `/api/campaigns/${f.ids.a}/units`, {
                name: `单位${n}`,
                type: 'enterprise',
                partyOrganization: '党支部',
                responsibleTitle: '书记',
                membersDue: 1,
                massRepresentativesDue: 1,
                groupId: f.ids.g1,
              })
            ).json,
          ).id as string;
          const opinions = fc.sample(facts, n).map((s, i) => opinionOf({ ...s, unitId, roundId: 'rX' }, i));
          for (let i = 0; i < n; i += 1000) {
            await aggregateOpinions(
              t.deps,
              opinionRecordsOf(opinions.slice(i, i + 1000).map((o) => insert(seq++, o))),
            );
          }
          sent.length = 0;
          const res = await call(t, f.tokens.office, 'GET', `/api/units/${unitId}/opinions/summary`);
          expect(res.status).toBe(200);
          expect(asRecord(res.json).total).toBe(n);
          reads.push(sent.length);
        }
      } finally {
        t.deps.db.middlewareStack.remove('countReads');
      }
      expect(new Set(reads).size).toBe(1);
      expect(reads[0]).toBeLessThanOrEqual(4);
    }, 120_000);
  });
});

/** A second reader of the same stream, from its start (what a restarted `npm start` does). */
function streamAgain(t: TestContext) {
  const client = createDynamoClient({ region: 'local', endpoint: t.config.DYNAMODB_ENDPOINT });
  return streamPoller(t.deps, client, t.config.DYNAMODB_ENDPOINT ?? '');
}
