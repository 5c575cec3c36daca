import { z } from '@hono/zod-openapi';

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    /** What changed, as given (never a password). */
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;
