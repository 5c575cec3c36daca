import { pingTable } from '../data/repos/health';
import type { Deps } from '../deps';
import { unavailable } from '../errors';

/** Whether the table answers a read: resolves if it does, 503 (logged by its error's name) if not. */
export async function checkHealth(deps: Deps): Promise<void> {
  try {
    await pingTable(deps);
  } catch (err) {
    deps.log.warn('health check failed', { error: err instanceof Error ? err.name : 'unknown' });
    throw unavailable();
  }
}
