import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../deps';
import type { ReviewSession } from '../../domain/review';
import { MintedCodes, RevokeInput, VoterGroup } from '../../domain/vote';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, SessionParams } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { mintCodes, revokeCodes } from '../../usecases/vote-codes';
import { guards } from './guard';
import { reviewRoute } from './review-sessions';

const mint = createRoute({
  ...reviewRoute(
    'post',
    '/api/review-sessions/{sessionId}/codes',
    'Mint ballot codes for a voter group; the codes are shown only in this answer',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(z.strictObject({ voterGroup: VoterGroup, count: z.number().int().min(1).max(500) })),
  },
  responses: { 201: ok(MintedCodes, 'Minted'), ...errorResponses },
});
const revoke = createRoute({
  ...reviewRoute(
    'post',
    '/api/review-sessions/{sessionId}/codes/revoke',
    'Revoke one unused code, or all unused codes of a voter group',
  ),
  request: {
    params: SessionParams,
    body: jsonBody(RevokeInput),
  },
  responses: { 200: ok(z.object({ revoked: z.number() })), ...errorResponses },
});

/** Who acts on a session's codes, as the audit trail names them. */
const byWhom = (username: string, s: ReviewSession) => ({
  actor: username,
  target: `unit:${s.unitId}/session:${s.id}`,
  kind: 'review' as const,
});

/** A review session's single-use ballot codes: mint (shown once) and revoke. */
export function reviewCodeRoutes(deps: Deps) {
  const guard = guards(deps);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(mint, async (c) => {
      const { who, session } = await guard.session(c, 'collect', c.req.valid('param').sessionId);
      const { voterGroup, count } = c.req.valid('json');
      const codes = await mintCodes(deps, byWhom(who.username, session), session, voterGroup, count);
      const link = (code: string) => publicUrl(deps.config.PUBLIC_BASE_URL, `/b/${code}`);
      return c.json({ voterGroup, codes: codes.map((code) => ({ code, link: link(code) })) }, 201);
    })
    .openapi(revoke, async (c) => {
      const { who, session } = await guard.session(c, 'collect', c.req.valid('param').sessionId);
      const body = c.req.valid('json');
      const what = { code: body.code, group: body.voterGroup };
      return c.json(await revokeCodes(deps, byWhom(who.username, session), session, what), 200);
    });
}
