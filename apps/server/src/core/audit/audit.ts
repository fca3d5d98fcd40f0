import { createHash, createHmac } from 'node:crypto';
import type { AuditAction, AuditObjectType } from '@corridor/contracts';
import type { Transaction } from 'kysely';
import type { Ctx } from '../context';
import type { AuditEventsTable, Database } from '../db/schema';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditInput {
  /** One of the catalogue's (contracts/audit-catalogue.ts), so the audit page can name it. */
  action: AuditAction;
  objectType?: AuditObjectType;
  objectId?: string | number;
  outcome?: AuditOutcome;
  regionCode?: string | null;
  /** Non-personal facts; personal values go through `piDigest` first. */
  detail?: Record<string, unknown>;
}

type ChainFields = Omit<AuditEventsTable, 'hash'>;

/** The exact bytes an event's hash covers: every stored field except the hash itself. */
export function canonicalEvent(e: ChainFields): string {
  return JSON.stringify([
    e.id,
    e.occurredAt,
    e.actorId,
    e.actorName,
    e.actorRoles,
    e.regionCode,
    e.action,
    e.objectType,
    e.objectId,
    e.sourceIp,
    e.outcome,
    e.detail,
    e.prevHash,
  ]);
}

export function chainHash(e: ChainFields): string {
  return createHash('sm3').update(canonicalEvent(e)).digest('hex');
}

/**
 * The stored values of the fields a change names, to be written beside it as `before`: the
 * audit page shows each field as old → new.
 */
export function valuesBefore(
  row: Record<string, unknown>,
  changed: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changed).map((k) => [k, row[k] ?? null]));
}

/** Stands in for personal data in audit details: linkable by the holder of the key, not readable. */
export function piDigest(ctx: Ctx, value: string): string {
  return `hmac-sm3:${createHmac('sm3', ctx.deps.piKey).update(value).digest('hex').slice(0, 32)}`;
}

/**
 * Appends one event to the SM3 hash chain inside the caller's transaction, so the event exists
 * if and only if the change it describes was committed. A failed write fails the change.
 */
export async function writeAudit(trx: Transaction<Database>, ctx: Ctx, input: AuditInput) {
  await ctx.deps.dialect.lockAuditHead(trx);
  const head = await trx
    .selectFrom('auditHead')
    .select(['lastId', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const actor = ctx.actor;
  const fields: ChainFields = {
    id: head.lastId + 1,
    occurredAt: new Date().toISOString(),
    actorId: actor?.id ?? null,
    actorName: actor?.username ?? null,
    actorRoles: actor ? actor.roles.join(',') : 'anonymous',
    regionCode: input.regionCode !== undefined ? input.regionCode : (actor?.regionCode ?? null),
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId === undefined ? null : String(input.objectId),
    sourceIp: ctx.ip,
    outcome: input.outcome ?? 'success',
    detail: JSON.stringify({ requestId: ctx.requestId, ...(input.detail ?? {}) }),
    prevHash: head.lastHash,
  };
  const hash = chainHash(fields);
  await trx
    .insertInto('auditEvents')
    .values({ ...fields, hash })
    .execute();
  await trx
    .updateTable('auditHead')
    .set({ lastId: fields.id, lastHash: hash })
    .where('id', '=', 1)
    .execute();
}

/** Records an event in a transaction of its own (failed logins, denials). */
export async function writeAuditAlone(ctx: Ctx, input: AuditInput): Promise<void> {
  await ctx.deps.db.transaction().execute((trx) => writeAudit(trx, ctx, input));
}
