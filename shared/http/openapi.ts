import { z } from '@hono/zod-openapi';

/** The error model, as the OpenAPI document describes it. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: ErrorBody } };

/** The error responses every console route may give. */
export const errorResponses = {
  400: { description: 'Invalid input (field paths in details)', content: errorContent },
  401: { description: 'Not signed in', content: errorContent },
  403: { description: 'Inside your scope but not yours to do', content: errorContent },
  404: { description: 'Not found, or outside your scope', content: errorContent },
  409: { description: 'Conflicts with the current state', content: errorContent },
} as const;

export const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

export const jsonBody = <S extends z.ZodType>(schema: S) => ({ content: json(schema), required: true });

export const ok = <S extends z.ZodType>(schema: S, description = 'OK') => ({
  description,
  content: json(schema),
});

/** `?limit=&cursor=` of every list. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

/** A page of `item`s with the cursor of the next page. */
export const pageOf = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const security: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

const id = z.string().min(1).max(64);
/** Path parameters of the resources, declared once. */
export const CampaignParams = z.object({ campaignId: id });
export const GroupParams = z.object({ groupId: id });
export const UnitParams = z.object({ unitId: id });
export const RoundParams = z.object({ roundId: id });
export const SessionParams = z.object({ sessionId: id });
export const EvaluationParams = z.object({ evaluationId: id });
