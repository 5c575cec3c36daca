import type { SelfAnalysisState } from './self-analysis';

/**
 * 党性分析 completion per unit, kept by the aggregator from the main table's
 * stream (never written in a member's or a console request): the unit's
 * members, the materials waiting for 组织把关 and those approved, each a
 * string set of member ids on the unit's live-figures item (next to its
 * opinion counts, so the overviews read them in the same BatchGetItem).
 * Adding or deleting an id is the same however often a record is delivered,
 * and one item's records arrive in order, so the sets end as the items are.
 */
export const tallySets = {
  members: 'sa_members',
  waiting: 'sa_waiting',
  approved: 'sa_approved',
  /** The leading team's report while it waits for the supervision group (its id, or empty). */
  teamWaiting: 'sa_team_waiting',
} as const;
export type TallySet = keyof typeof tallySets;

/** What one stream record says of one member: in (true) or out of (false) each set it concerns. */
export interface TallyRecord {
  seq: string;
  unitId: string;
  memberId: string;
  in: Partial<Record<TallySet, boolean>>;
}

/** A member item written (true) or removed (false). */
export const memberPresence = (present: boolean): TallyRecord['in'] => ({ members: present });

/** A material in `state` (undefined: removed): waiting while submitted, approved once approved. */
export const materialPresence = (state: SelfAnalysisState | undefined): TallyRecord['in'] => ({
  waiting: state === 'submitted',
  approved: state === 'approved',
});

/** The leading team's report in `state`: counted apart from the members', waiting while submitted. */
export const teamPresence = (state: SelfAnalysisState | undefined): TallyRecord['in'] => ({
  teamWaiting: state === 'submitted',
});

/** One unit's set changes from a batch: the ids to add to and to delete from each set, and the records behind them. */
export interface TallyChange {
  unitId: string;
  add: Partial<Record<TallySet, string[]>>;
  remove: Partial<Record<TallySet, string[]>>;
  seqs: string[];
}

/** Folds a batch per unit: for each member and set the last record wins (the stream keeps one item's order). */
export function foldTally(records: TallyRecord[]): TallyChange[] {
  const units = new Map<string, { last: Map<string, boolean>; seqs: string[] }>();
  const empty = () => ({ last: new Map<string, boolean>(), seqs: [] as string[] });
  for (const r of records) {
    const unit = units.get(r.unitId) ?? empty();
    units.set(r.unitId, unit);
    unit.seqs.push(r.seq);
    for (const [set, present] of Object.entries(r.in)) unit.last.set(`${set}\n${r.memberId}`, present);
  }
  return [...units].map(([unitId, { last, seqs }]) => {
    const change: TallyChange = { unitId, add: {}, remove: {}, seqs };
    for (const [key, present] of last) {
      const [set, memberId] = key.split('\n') as [TallySet, string];
      const side = present ? change.add : change.remove;
      side[set] = [...(side[set] ?? []), memberId];
    }
    return change;
  });
}

/** A unit's 党性分析 completion as the overviews show it. */
export interface AnalysisTally {
  /** Members of the unit (each writes one material). */
  due: number;
  /** Submitted and not sent back: waiting or approved. */
  submitted: number;
  approved: number;
  /** Waiting for 组织把关. */
  waiting: number;
  /** The leading team's 领导班子分析检查报告 waits for the supervision group. */
  teamWaiting: boolean;
}

const sizeOf = (v: unknown) => (v instanceof Set ? v.size : Array.isArray(v) ? v.length : 0);

/** The completion a live-figures item holds (all zero before the aggregator has seen anything). */
export function analysisTallyOf(item: Record<string, unknown> | undefined): AnalysisTally {
  const waiting = sizeOf(item?.[tallySets.waiting]);
  const approved = sizeOf(item?.[tallySets.approved]);
  return {
    due: sizeOf(item?.[tallySets.members]),
    submitted: waiting + approved,
    approved,
    waiting,
    teamWaiting: sizeOf(item?.[tallySets.teamWaiting]) > 0,
  };
}

/** Completion in words for a table cell: 已认可 3/12，待把关 2 (a dash before anything is known). */
export function tallyText(t: AnalysisTally): string {
  if (t.due === 0 && t.submitted === 0) return '—';
  return [`已认可 ${t.approved}/${t.due}`, t.waiting > 0 ? `待把关 ${t.waiting}` : '']
    .filter(Boolean)
    .join('，');
}

/** Completion as a sentence for the unit's own page. */
export const tallySentence = (t: AnalysisTally) =>
  `共 ${t.due} 名党员，已提交 ${t.submitted} 份，已认可 ${t.approved} 份${t.waiting > 0 ? `，待把关 ${t.waiting} 份` : ''}`;
