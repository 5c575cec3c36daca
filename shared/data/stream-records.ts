import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { materialPresence, memberPresence, type TallyRecord, teamPresence } from '../domain/analysis-tally';
import { Opinion } from '../domain/opinion';
import type { OpinionRecord } from '../domain/opinion-aggregate';
import { SelfAnalysis } from '../domain/self-analysis';

/** A record of the main table's stream as both Lambda and the Streams API give it (only what is read here). */
export interface StreamRecord {
  eventName?: string | undefined;
  dynamodb?:
    | {
        SequenceNumber?: string | undefined;
        NewImage?: Record<string, unknown> | undefined;
        OldImage?: Record<string, unknown> | undefined;
      }
    | undefined;
}

/**
 * The Streams API client reads an empty map attribute (`{"M":{}}`) back as
 * `{}`; put the `M` back so the image unmarshalls (Lambda's events are not affected).
 */
function withEmptyMaps(value: Record<string, unknown>): Record<string, unknown> {
  const fix = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v;
    const av = v as { M?: Record<string, unknown>; L?: unknown[] };
    if (Object.keys(av).length === 0) return { M: {} };
    if (av.M) return { M: withEmptyMaps(av.M) };
    if (av.L) return { L: av.L.map(fix) };
    return v;
  };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)]));
}

/**
 * The new opinions of a batch of stream records, decoded and checked: each
 * with its sequence number. Everything else on the stream (other items,
 * changes, removals, an image that is not an opinion) is skipped.
 */
export function opinionRecordsOf(records: StreamRecord[]): OpinionRecord[] {
  const out: OpinionRecord[] = [];
  for (const r of records) {
    const image = r.dynamodb?.NewImage;
    const seq = r.dynamodb?.SequenceNumber;
    if (r.eventName !== 'INSERT' || !image || !seq) continue;
    const item = unmarshall(withEmptyMaps(image) as Record<string, AttributeValue>);
    if (!String(item.sk ?? '').startsWith('OPINION#')) continue;
    const parsed = Opinion.safeParse(item);
    if (parsed.success) out.push({ seq, opinion: parsed.data });
  }
  return out;
}

/**
 * What a batch of stream records says of each unit's 党性分析 completion: a
 * member item written or removed, a material written (in its state) or
 * removed, each with its sequence number. Everything else is skipped.
 */
export function tallyRecordsOf(records: StreamRecord[]): TallyRecord[] {
  const out: TallyRecord[] = [];
  for (const r of records) {
    const seq = r.dynamodb?.SequenceNumber;
    const removed = r.eventName === 'REMOVE';
    const image = removed ? r.dynamodb?.OldImage : r.dynamodb?.NewImage;
    if (!seq || !image) continue;
    const item = unmarshall(withEmptyMaps(image) as Record<string, AttributeValue>);
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const [pk, sk, unitId, memberId] = [text(item.pk), text(item.sk), text(item.unitId), text(item.id)];
    if (!unitId || !memberId) continue;
    if (pk.startsWith('UNIT#') && sk.startsWith('MEMBER#')) {
      out.push({ seq, unitId, memberId, in: memberPresence(!removed) });
    } else if (pk.startsWith('ANALYSIS#') && sk === 'META') {
      const state = SelfAnalysis.shape.state.safeParse(item.state);
      if (!state.success) continue;
      const presence = item.team === true ? teamPresence : materialPresence;
      out.push({ seq, unitId, memberId, in: presence(removed ? undefined : state.data) });
    }
  }
  return out;
}
