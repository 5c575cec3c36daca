import type { Opinion } from './opinion';

/**
 * Live counts of opinions, kept per unit and per round from the opinion
 * table's stream. Counters are numeric top-level attributes of one aggregate
 * item, named by what they count:
 * `total`, `r_<respondent>`, `a_<about>`, `f_<focus>`, `p_<problem>`, `d_<yyyymmdd>`.
 * The same names serve the exact recount, so live and recount compare key by key.
 */

/** What of an opinion the counts need (no text). */
export type OpinionFacts = Pick<
  Opinion,
  'roundId' | 'unitId' | 'day' | 'respondent' | 'about' | 'focus' | 'problems'
>;

export type Counts = Record<string, number>;

/** The counters one opinion adds to. Multiple choices count once per choice. */
export function countersOf(o: OpinionFacts): string[] {
  return [
    'total',
    `r_${o.respondent ?? 'unspecified'}`,
    ...[...new Set(o.about)].map((a) => `a_${a}`),
    ...[...new Set(o.focus)].map((f) => `f_${f}`),
    ...[...new Set(o.problems)].map((p) => `p_${p}`),
    `d_${o.day.replaceAll('-', '')}`,
  ];
}

/** Counts of many opinions (the exact recount uses this too). */
export function countOpinions(opinions: OpinionFacts[]): Counts {
  const counts: Counts = {};
  for (const o of opinions) for (const c of countersOf(o)) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

/** Which aggregate items an opinion counts in: its unit's, and its round's. */
export type AggregateScope = 'ALL' | `ROUND#${string}`;
export const scopesOf = (o: OpinionFacts): AggregateScope[] => ['ALL', `ROUND#${o.roundId}`];

/** One stream record of a new opinion: its position in its shard, and what it says. */
export interface OpinionRecord {
  seq: string;
  opinion: OpinionFacts;
}

/** Sequence numbers padded to one width, so DynamoDB compares them as strings in numeric order. */
export const padSeq = (seq: string) => seq.padStart(48, '0');

/**
 * What one batch adds to one aggregate item from one round, and the span of
 * records it covers. The item keeps one sequence guard per round: a round's
 * opinions share a partition key, so their stream records come in order on
 * one shard lineage (Lambda does not say which shard a batch is from; the
 * round stands in for it).
 */
export interface AggregateDelta {
  unitId: string;
  scope: AggregateScope;
  roundId: string;
  counts: Counts;
  /** Padded sequence numbers of the first and last record folded in. */
  firstSeq: string;
  lastSeq: string;
  /** The records folded in, so a partly applied batch can be folded again without them. */
  records: OpinionRecord[];
}

/**
 * Folds a batch of stream records (in any order, duplicates counted once)
 * into one delta per aggregate item and round: a batch of any size costs one
 * write per item and round it touches.
 */
export function fold(records: OpinionRecord[]): AggregateDelta[] {
  const deltas = new Map<string, AggregateDelta>();
  const folded = new Set<string>();
  for (const r of records) {
    const seq = padSeq(r.seq);
    // A record delivered twice in one batch counts once.
    if (folded.has(seq)) continue;
    folded.add(seq);
    for (const scope of scopesOf(r.opinion)) {
      const id = `${r.opinion.unitId}|${scope}|${r.opinion.roundId}`;
      const d = deltas.get(id) ?? {
        unitId: r.opinion.unitId,
        scope,
        roundId: r.opinion.roundId,
        counts: {},
        firstSeq: seq,
        lastSeq: seq,
        records: [],
      };
      for (const c of countersOf(r.opinion)) d.counts[c] = (d.counts[c] ?? 0) + 1;
      if (seq < d.firstSeq) d.firstSeq = seq;
      if (seq > d.lastSeq) d.lastSeq = seq;
      d.records.push(r);
      deltas.set(id, d);
    }
  }
  return [...deltas.values()];
}

/** The part of a delta not yet applied to an item that has applied records up to `appliedSeq`. */
export function remainderAfter(delta: AggregateDelta, appliedSeq: string): AggregateDelta | undefined {
  const left = delta.records.filter((r) => padSeq(r.seq) > appliedSeq);
  if (left.length === 0) return undefined;
  return fold(left).find(
    (d) => d.scope === delta.scope && d.unitId === delta.unitId && d.roundId === delta.roundId,
  );
}
