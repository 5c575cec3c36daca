import { createRoute, z } from '@hono/zod-openapi';
import { AnalysesDisclosure } from '../../domain/analyses-disclosure';
import { idPattern, roundTokenPattern, token22Pattern } from '../../domain/public-forms';
import { PublicationEntry, PublicationHead } from '../../domain/publication-log';
import { DisclosureScope, Published } from '../../domain/report';
import { errorResponses, jsonBody, ok } from '../../http/openapi';

/**
 * The OpenAPI description of the public JSON routes. The public function
 * carries no OpenAPI code (its bundle holds only what the masses use), so the
 * routes are written with plain Hono and described here; the console's API
 * reference registers these, and `test/public-openapi.test.ts` checks that
 * each one is a route the public app really serves.
 */
export const Disclosure = z
  .object({
    published: Published,
    sha256: z.string(),
    approvedAt: z.string(),
    scope: DisclosureScope,
    log: z
      .object({
        campaignId: z.string(),
        seq: z.number().int(),
        hash: z.string(),
        head: PublicationHead,
      })
      .optional(),
    rectification: z.object({
      content: z.object({
        measures: z.array(z.record(z.string(), z.unknown())),
        evaluation: z.record(z.string(), z.unknown()).nullable(),
      }),
      sha256: z.string(),
      log: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
    }),
  })
  .openapi('Disclosure');

const Receipt = z.object({ receipt: z.string() });

export const publicRouteDocs = [
  createRoute({
    method: 'get',
    path: '/healthz',
    tags: ['system'],
    summary: 'Liveness and table reachability',
    responses: {
      200: {
        description: 'The app runs and the table answers',
        content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
      },
      503: { description: 'The table does not answer' },
    },
  }),
  createRoute({
    method: 'post',
    path: '/api/public/rounds/{token}/opinions',
    tags: ['public'],
    summary: 'Send an anonymous opinion (no sign-in). A retry with the same submissionId is stored once.',
    request: {
      params: z.object({ token: z.string().regex(roundTokenPattern) }),
      body: jsonBody(z.record(z.string(), z.unknown())),
    },
    responses: {
      201: ok(Receipt, 'Stored'),
      200: ok(Receipt, 'Already stored (a retry)'),
      ...errorResponses,
      410: { description: 'The round is closed or not open yet' },
      415: { description: 'The body is not JSON' },
      429: { description: 'Too many submissions to this round right now' },
    },
  }),
  createRoute({
    method: 'post',
    path: '/api/public/review-sessions/{sessionId}/ballots',
    tags: ['public'],
    summary:
      'Cast a ballot with a single-use code. A retry with the same requestToken answers with the same receipt.',
    request: {
      params: z.object({ sessionId: z.string().regex(idPattern) }),
      body: jsonBody(z.record(z.string(), z.unknown())),
    },
    responses: {
      201: ok(Receipt, 'Cast'),
      ...errorResponses,
      410: { description: 'The code was revoked, or the session is not open' },
      415: { description: 'The body is not JSON' },
    },
  }),
  createRoute({
    method: 'post',
    path: '/api/public/evaluations/{evaluationId}/ballots',
    tags: ['public'],
    summary:
      'Answer a satisfaction evaluation: overall and per measure; with a single-use code when it is cast with codes. A retry with the same requestToken answers with the same receipt.',
    request: {
      params: z.object({ evaluationId: z.string().regex(roundTokenPattern) }),
      body: jsonBody(z.record(z.string(), z.unknown())),
    },
    responses: {
      201: ok(Receipt, 'Stored'),
      ...errorResponses,
      410: { description: 'The code was revoked, or the evaluation is not open' },
      415: { description: 'The body is not JSON' },
    },
  }),
  createRoute({
    method: 'get',
    path: '/api/public/disclosures/{token}',
    tags: ['public'],
    summary: 'An approved analysis report as published, with the SHA-256 of its canonical JSON',
    request: { params: z.object({ token: z.string().regex(token22Pattern) }) },
    responses: { 200: ok(Disclosure), ...errorResponses },
  }),
  createRoute({
    method: 'get',
    path: '/api/public/analyses/{token}',
    tags: ['public'],
    summary:
      'A unit’s approved 党性分析 materials as published to the whole unit, with the SHA-256 and publication-log entry',
    request: { params: z.object({ token: z.string().regex(token22Pattern) }) },
    responses: { 200: ok(AnalysesDisclosure), ...errorResponses },
  }),
  createRoute({
    method: 'get',
    path: '/api/public/publication-log/{campaignId}',
    tags: ['public'],
    summary:
      'A campaign’s publication log, first entry to last: each holds its content’s hash and the previous entry’s',
    request: { params: z.object({ campaignId: z.string().max(64) }) },
    responses: {
      200: ok(z.object({ campaignId: z.string(), entries: z.array(PublicationEntry) })),
      ...errorResponses,
    },
  }),
];
