import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../context';
import { isUniqueViolation } from '../db/dialect';
import { AppError } from '../errors';

/**
 * Idempotency-Key on every write (issue 19 item 3; the IETF httpapi draft's semantics): the
 * first request with a key is run and its answer stored; a repeat with the same key and the same
 * request gets that answer again (header `Idempotent-Replayed: true`) without running again; the
 * same key with another request is 422; a repeat that arrives while the first still runs waits
 * for its answer. Keys belong to the signed-in account. Server errors (5xx) are not stored, so a
 * retry runs again. Multipart uploads are not covered: their body is read inside the handler.
 */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** A first request still 'pending' after this is taken to have died; its key may be reused. */
const ABANDONED_AFTER_MS = 60_000;
const WAIT_MS = 10_000;
const POLL_MS = 25;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actorId: number; key: string };
  }
}

function fingerprint(request: FastifyRequest): string {
  const what = JSON.stringify([request.method, request.url, request.body ?? null]);
  return createHash('sha256').update(what).digest('hex');
}

export function registerIdempotency(app: FastifyInstance, deps: Deps): void {
  const db = deps.db;

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (header === undefined || !WRITE_METHODS.has(request.method)) return;
    const actor = request.ctx?.actor;
    if (!actor || request.isMultipart()) return;
    const key = Array.isArray(header) ? '' : header;
    if (!KEY_PATTERN.test(key))
      throw new AppError('idempotency.key_invalid', [
        { field: 'headers.idempotency-key', code: 'idempotency.key_format' },
      ]);
    const print = fingerprint(request);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const now = new Date().toISOString();
      try {
        await db
          .insertInto('idempotencyKeys')
          .values({ actorId: actor.id, key, fingerprint: print, state: 'pending', createdAt: now })
          .execute();
        request.idempotency = { actorId: actor.id, key };
        return; // the first: run the handler, its answer is stored in onSend
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = await db
        .selectFrom('idempotencyKeys')
        .selectAll()
        .where('actorId', '=', actor.id)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) continue; // the first failed with a server error and gave the key back
      if (row.fingerprint !== print) throw new AppError('idempotency.key_reused');
      if (row.state === 'done') {
        return reply
          .status(row.statusCode ?? 200)
          .header('idempotent-replayed', 'true')
          .type('application/json; charset=utf-8')
          .send(row.response);
      }
      if (Date.parse(row.createdAt) < Date.now() - ABANDONED_AFTER_MS) {
        await db
          .deleteFrom('idempotencyKeys')
          .where('actorId', '=', actor.id)
          .where('key', '=', key)
          .where('createdAt', '=', row.createdAt)
          .execute();
        continue;
      }
      if (Date.now() > deadline) throw new AppError('idempotency.in_progress');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const own = request.idempotency;
    if (!own) return payload;
    request.idempotency = undefined;
    const where = db
      .updateTable('idempotencyKeys')
      .where('actorId', '=', own.actorId)
      .where('key', '=', own.key);
    if (reply.statusCode < 500 && typeof payload === 'string') {
      await where.set({ state: 'done', statusCode: reply.statusCode, response: payload }).execute();
    } else {
      await db
        .deleteFrom('idempotencyKeys')
        .where('actorId', '=', own.actorId)
        .where('key', '=', own.key)
        .execute();
    }
    return payload;
  });
}

/** Stored answers are kept a day (the scheduled job platform.purge_idempotency_keys). */
export const IDEMPOTENCY_KEEP_MS = 24 * 3_600_000;

/** Deletes keys created before `now` minus a day; returns how many were deleted. */
export async function purgeIdempotencyKeys(deps: Deps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEEP_MS).toISOString();
  const result = await deps.db
    .deleteFrom('idempotencyKeys')
    .where('createdAt', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
