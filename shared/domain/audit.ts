import * as z from 'zod';

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
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-12-31');

/** Narrowing the audit trail: to one unit, one person, one action, and days in China (from–to, inclusive). */
export const AuditFilter = z.object({
  unit: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  actor: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  action: z
    .string()
    .regex(/^[a-z.]{1,64}$/)
    .optional(),
  from: day.optional(),
  to: day.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** The unit an audit target names (`unit:{id}/…`), if any. */
export const unitOfTarget = (target: string) => target.match(/^unit:([A-Za-z0-9_-]+)/)?.[1];
