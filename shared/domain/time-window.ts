import * as z from 'zod';
import { fail, validationError } from '../errors';
import { absent, and, gt, holds, le } from './condition';

/** The window a request asks for: from now unless said, until an instant (with its offset). */
export const windowInput = {
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }),
};
/** A window as stored (UTC ISO instants), with the instant it was closed early. */
export const storedWindow = {
  opensAt: z.string(),
  closesAt: z.string(),
  closedEarlyAt: z.string().optional(),
};

/** Something that takes submissions between two instants and can be closed early. */
export interface TimeWindow {
  opensAt: string;
  closesAt: string;
  closedEarlyAt?: string | undefined;
}

export type WindowState = 'notYetOpen' | 'open' | 'closed';

/** Named conditions on a stored window (or a code that carries its vote's window), see ./condition.ts. */
/** The window has opened by `now`. */
export const hasOpened = (now: Date) => le('opensAt', now.toISOString());
/** The window is not closed at `now`: not closed early, and its end time still ahead. */
export const notClosed = (now: Date) => and(absent('closedEarlyAt'), gt('closesAt', now.toISOString()));
/** The window takes submissions at `now`. */
export const openWindow = (now: Date) => and(notClosed(now), hasOpened(now));

/** Whether a round, review session or evaluation takes submissions at `now`. */
export function windowState(w: TimeWindow, now: Date): WindowState {
  if (!holds(notClosed(now), w)) return 'closed';
  return holds(hasOpened(now), w) ? 'open' : 'notYetOpen';
}

/** Where a vote (review session, evaluation) stands: casting (not yet open, open), counting (closed), counted (sealed). */
export type VotePhase = WindowState | 'counted';

/** A vote's phase at `now`: counted once its count is sealed, else the state of its window. */
export const votePhase = (v: TimeWindow & { countedAt?: string | undefined }, now: Date): VotePhase =>
  v.countedAt ? 'counted' : windowState(v, now);

const closedCodes = {
  round: { notYetOpen: 'ROUND_NOT_OPEN', closed: 'ROUND_CLOSED' },
  session: { notYetOpen: 'SESSION_NOT_OPEN', closed: 'SESSION_CLOSED' },
  evaluation: { notYetOpen: 'EVALUATION_NOT_OPEN', closed: 'EVALUATION_CLOSED' },
} as const;

/** The Chinese answer (410) for a round, session or evaluation that takes nothing at `now`. */
export function windowClosedError(what: keyof typeof closedCodes, w: TimeWindow, now: Date) {
  return fail(closedCodes[what][windowState(w, now) === 'notYetOpen' ? 'notYetOpen' : 'closed']);
}

/** A new window from what was asked: it opens now unless said, and must close after it opens and after now (400). */
export function newWindow(now: Date, input: { opensAt?: string | undefined; closesAt: string }) {
  const opensAt = new Date(input.opensAt ?? now).toISOString();
  const closesAt = new Date(input.closesAt).toISOString();
  if (closesAt <= opensAt || closesAt <= now.toISOString()) {
    throw validationError([{ path: 'closesAt', message: '结束时间须晚于开始时间和现在' }]);
  }
  return { opensAt, closesAt };
}
