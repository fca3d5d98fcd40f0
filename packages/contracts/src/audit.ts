import { z } from 'zod';
import { DateSchema, PageQuerySchema, pageOf, queryText } from './common';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const AuditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.string(),
  regionCode: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** The object's name in words (an organisation's, a contract's project …), when it has one. */
  objectName: z.string().nullable(),
  /** Names of the objects the detail refers to, by detail key (e.g. achievementId → its title). */
  detailNames: z.record(z.string(), z.string()),
  sourceIp: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const AuditPageSchema = pageOf(AuditEventSchema);

export const AuditQuerySchema = PageQuerySchema.extend({
  action: queryText(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  actorId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  /** Part of the actor's user name. */
  actor: queryText(64).optional(),
  objectType: queryText(32).optional(),
  /** One object's history (with objectType). */
  objectId: queryText(64).optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** Why a chain does not verify; the web names each in the reader's language. */
export const AUDIT_BREAK_CODES = [
  'head_missing',
  'rewritten',
  'missing',
  'prev_mismatch',
  'hash_mismatch',
  'cut',
  'head_mismatch',
] as const;
export type AuditBreakCode = (typeof AUDIT_BREAK_CODES)[number];

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.number().int().nullable(),
  reason: z.string().nullable(),
  reasonCode: z.enum(AUDIT_BREAK_CODES).nullable(),
  /** The signed checkpoint (kept outside the database) the chain was held against. */
  checkpoint: z.object({ count: z.number().int(), at: z.string() }).nullable(),
  /** Events older than 180 days moved to archive files; the chain continues from them. */
  archived: z.number().int(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
