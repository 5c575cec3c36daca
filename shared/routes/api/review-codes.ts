import type { Deps } from '../../deps';
import { SessionParams } from '../../http/openapi';
import { reviewCodes } from '../../usecases/review-session';
import { voteCodeRoutes } from './vote-codes';

/** A review session's single-use ballot codes: mint, reprint a batch, revoke. */
export function reviewCodeRoutes(deps: Deps) {
  return voteCodeRoutes(deps, {
    base: '/api/review-sessions/{sessionId}',
    params: SessionParams,
    idParam: 'sessionId',
    tag: 'democratic review',
    codes: reviewCodes,
  });
}
