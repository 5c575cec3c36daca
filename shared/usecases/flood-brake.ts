import { tooManyRequests } from '../errors';

/** Whether a request to `key` (a round, a session, an evaluation) may go ahead now: one token spent per call. */
export type FloodBrake = (key: string) => boolean;

/**
 * The public desks' brakes. Submissions and receipt look-ups spend separate
 * budgets, so a burst of guessed receipts never turns a genuine answer away.
 */
export type Brakes = { submissions: FloodBrake; lookUps: FloodBrake };

/** Spends one token of `brake` for `key`, or refuses with 429. */
export function spend(brake: FloodBrake, key: string): void {
  if (!brake(key)) throw tooManyRequests();
}
