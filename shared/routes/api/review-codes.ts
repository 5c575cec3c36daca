import type { Deps } from '../../deps';
import { SessionParams } from '../../http/openapi';
import { guards } from './guard';
import { voteCodeRoutes } from './vote-codes';

/** A review session's single-use ballot codes: mint, reprint a batch, revoke. */
export function reviewCodeRoutes(deps: Deps) {
  const guard = guards(deps);
  return voteCodeRoutes(deps, {
    kind: 'review',
    base: '/api/review-sessions/{sessionId}',
    params: SessionParams,
    tag: 'democratic review',
    load: async (c, action, p) => {
      const { who, session } = await guard.session(c, action, String(p.sessionId));
      return { who, vote: session };
    },
    target: (s) => `unit:${s.unitId}/session:${s.id}`,
  });
}
