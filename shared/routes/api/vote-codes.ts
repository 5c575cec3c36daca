import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { principalOf } from '../../auth/middleware';
import type { Deps } from '../../deps';
import { type CodeBatch, MintedCodes, MintInput, RevokeInput, type Vote } from '../../domain/vote';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, security } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import {
  mintVoteCodes,
  reprintVoteCodes,
  revokeVoteCodes,
  type VoteCodeSpec,
} from '../../usecases/vote-codes';

/** Where one kind of vote's code routes live, and the vote's own code use cases' spec. */
export interface VoteCodeRoutes<V extends Vote> {
  /** e.g. `/api/review-sessions/{sessionId}`, the schema of its parameters and the one naming the vote. */
  base: string;
  params: z.ZodObject<z.ZodRawShape>;
  idParam: string;
  tag: string;
  codes: VoteCodeSpec<V>;
}

/** A batch's codes with their ballot links, as the API answers them and the slips page prints them. */
export const mintedCodes = (deps: Deps, b: { batch: CodeBatch; codes: string[] }): MintedCodes => ({
  batchId: b.batch.id,
  voterGroup: b.batch.voterGroup,
  codes: b.codes.map((code) => ({ code, link: publicUrl(deps.config.PUBLIC_BASE_URL, `/b/${code}`) })),
});

/**
 * A vote's single-use codes, the same for every kind of vote: mint a batch
 * (more than the voters due only when confirmed), show a batch again for
 * reprinting (nothing is minted), revoke unused codes.
 */
export function voteCodeRoutes<V extends Vote>(deps: Deps, spec: VoteCodeRoutes<V>) {
  const idOf = (params: Record<string, unknown>) => String(params[spec.idParam]);
  const route = <M extends 'get' | 'post'>(method: M, path: string, summary: string) => ({
    method,
    path: `${spec.base}${path}`,
    tags: [spec.tag],
    security,
    summary,
  });
  const mint = createRoute({
    ...route('post', '/codes', 'Mint a batch of single-use codes for a voter group'),
    request: { params: spec.params, body: jsonBody(MintInput) },
    responses: { 201: ok(MintedCodes, 'Minted'), ...errorResponses },
  });
  const batch = createRoute({
    ...route(
      'get',
      '/codes/batches/{batchId}',
      'A minted batch’s codes again, to reprint its slips (mints nothing)',
    ),
    request: { params: spec.params.extend({ batchId: z.string().min(1).max(64) }) },
    responses: { 200: ok(MintedCodes), ...errorResponses },
  });
  const revoke = createRoute({
    ...route('post', '/codes/revoke', 'Revoke one unused code, or all unused codes of a voter group'),
    request: { params: spec.params, body: jsonBody(RevokeInput) },
    responses: { 200: ok(z.object({ revoked: z.number() })), ...errorResponses },
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(mint, async (c) => {
      const id = idOf(c.req.valid('param'));
      const minted = await mintVoteCodes(deps, principalOf(c), spec.codes, id, c.req.valid('json'));
      return c.json(mintedCodes(deps, minted), 201);
    })
    .openapi(batch, async (c) => {
      const { batchId, ...params } = c.req.valid('param');
      const batch = await reprintVoteCodes(deps, principalOf(c), spec.codes, idOf(params), String(batchId));
      return c.json(mintedCodes(deps, batch), 200);
    })
    .openapi(revoke, async (c) => {
      const id = idOf(c.req.valid('param'));
      return c.json(await revokeVoteCodes(deps, principalOf(c), spec.codes, id, c.req.valid('json')), 200);
    });
}
