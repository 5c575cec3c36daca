/** Something that takes submissions between two instants and can be closed early. */
export interface TimeWindow {
  opensAt: string;
  closesAt: string;
  closedEarlyAt?: string | undefined;
}

export type WindowState = 'notYetOpen' | 'open' | 'closed';

/** Whether a round or review session takes submissions at `now`. */
export function windowState(w: TimeWindow, now: Date): WindowState {
  const t = now.toISOString();
  if (w.closedEarlyAt || t >= w.closesAt) return 'closed';
  return t < w.opensAt ? 'notYetOpen' : 'open';
}
