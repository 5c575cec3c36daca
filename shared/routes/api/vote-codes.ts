import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Deps } from '../../deps';
import type { Principal } from '../../domain/account';
import type { Action } from '../../domain/policy';
import {
  type CodeBatch,
  MintedCodes,
  MintInput,
  RevokeInput,
  type Vote,
  type VoteKind,
} from '../../domain/vote';
import type { AppEnv } from '../../http/env';
import { errorResponses, jsonBody, ok, security } from '../../http/openapi';
import { publicUrl } from '../../http/public-url';
import { validationHook } from '../../http/validation';
import { batchCodes, mintCodes, revokeCodes } from '../../usecases/vote-codes';

/** How one kind of vote plugs into the code routes: where it lives, how it is loaded and checked. */
export interface VoteCodeSpec<V extends Vote & { unitId: string }> {
  kind: VoteKind;
  /** e.g. `/api/review-sessions/{sessionId}`, and the schema of its parameter. */
  base: string;
  params: z.ZodObject<z.ZodRawShape>;
  tag: string;
  load: (
    c: Context<AppEnv>,
    action: Action,
    params: Record<string, unknown>,
  ) => Promise<{ who: Principal; vote: V }>;
  /** What the audit trail names as the target. */
  target: (v: V) => string;
  /** A vote that takes no codes (an evaluation by public link) says so. */
  check?: (v: V) => void;
}

/**
 * A vote's single-use codes, the same for every kind of vote: mint a batch
 * (more than the voters due only when confirmed), show a batch again for
 * reprinting (nothing is minted), revoke unused codes.
 */
export function voteCodeRoutes<V extends Vote & { unitId: string }>(deps: Deps, spec: VoteCodeSpec<V>) {
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
  const by = (who: Principal, v: V) => ({ actor: who.username, target: spec.target(v), kind: spec.kind });
  const answer = (b: { batch: CodeBatch; codes: string[] }) => ({
    batchId: b.batch.id,
    voterGroup: b.batch.voterGroup,
    codes: b.codes.map((code) => ({ code, link: publicUrl(deps.config.PUBLIC_BASE_URL, `/b/${code}`) })),
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(mint, async (c) => {
      const { who, vote } = await spec.load(c, 'collect', c.req.valid('param'));
      spec.check?.(vote);
      return c.json(answer(await mintCodes(deps, by(who, vote), vote, c.req.valid('json'))), 201);
    })
    .openapi(batch, async (c) => {
      const { batchId, ...params } = c.req.valid('param');
      const { vote } = await spec.load(c, 'collect', params);
      return c.json(answer(await batchCodes(deps, vote, String(batchId))), 200);
    })
    .openapi(revoke, async (c) => {
      const { who, vote } = await spec.load(c, 'collect', c.req.valid('param'));
      const body = c.req.valid('json');
      return c.json(
        await revokeCodes(deps, by(who, vote), vote, { code: body.code, group: body.voterGroup }),
        200,
      );
    });
}
