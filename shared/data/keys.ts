/**
 * Key builders: the only place stored key values are spelled. Values are
 * prefixed and readable (`UNIT#u1`, `MEMBER#m1`).
 */
export const keys = {
  /** A fixed item the health check reads; it need not exist. */
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  /** Marks that the demo campaign was seeded, so a restart does not seed twice. */
  demoSeed: () => ({ pk: 'SEED', sk: 'DEMO' }),
};
