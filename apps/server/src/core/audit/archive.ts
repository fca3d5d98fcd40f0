import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ctx } from '../context';
import { chainHash, writeAudit } from './audit';

/**
 * Archiving old audit events (retention: 180 days at least in the database, 网络安全法 §21).
 * Events older than the cut-off, from the first not yet archived, are written to a JSON-lines
 * file (flushed, SM3 kept), recorded in `audit_archives` with the last one's hash, and deleted
 * — all in one transaction with an `audit.archive` event; the database triggers refuse any other
 * delete and any archive of a younger event. `verifyArchiveFile` re-checks a file's chain.
 */
export const RETENTION_DAYS = 180;
const BATCH = 5_000;

export class ArchiveRefused extends Error {}

export interface ArchiveResult {
  file: string | null;
  firstId: number;
  lastId: number;
  count: number;
}

/** Events before `beforeDate` (YYYY-MM-DD, UTC midnight) go to a new file in `dir`. */
export async function archiveAuditEvents(
  ctx: Ctx,
  beforeDate: string,
  dir: string,
): Promise<ArchiveResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(beforeDate) || Number.isNaN(Date.parse(beforeDate)))
    throw new ArchiveRefused(`--before must be a date YYYY-MM-DD, not ${beforeDate}`);
  const cutoff = `${beforeDate}T00:00:00.000Z`;
  const latest = new Date(Date.now() - RETENTION_DAYS * 86_400_000).toISOString();
  if (cutoff > latest)
    throw new ArchiveRefused(
      `events younger than ${RETENTION_DAYS} days stay in the database: --before must be ${latest.slice(0, 10)} or earlier`,
    );
  mkdirSync(resolve(dir), { recursive: true, mode: 0o700 });
  return ctx.deps.db.transaction().execute(async (trx) => {
    await ctx.deps.dialect.lockAuditHead(trx);
    const previous = await trx
      .selectFrom('auditArchives')
      .select(['id', 'lastId'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const firstId = (previous?.lastId ?? 0) + 1;
    // The run ends before the first event at or after the cut-off (ids follow time).
    const younger = await trx
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.min('id').as('id'))
      .where('id', '>=', firstId)
      .where('occurredAt', '>=', cutoff)
      .executeTakeFirst();
    const head = await trx.selectFrom('auditHead').select('lastId').executeTakeFirstOrThrow();
    const lastId = younger?.id != null ? Number(younger.id) - 1 : head.lastId;
    if (lastId < firstId) return { file: null, firstId, lastId: firstId - 1, count: 0 };
    const name = `audit-archive-${String(firstId).padStart(9, '0')}-${String(lastId).padStart(9, '0')}.jsonl`;
    const final = join(resolve(dir), name);
    if (existsSync(final)) throw new ArchiveRefused(`${final} exists already`);
    const temp = `${final}.partial`;
    const fd = openSync(temp, 'w', 0o600);
    const sm3 = createHash('sm3');
    let lastHash = '';
    try {
      for (let from = firstId; from <= lastId; from += BATCH) {
        const rows = await trx
          .selectFrom('auditEvents')
          .selectAll()
          .where('id', '>=', from)
          .where('id', '<=', Math.min(lastId, from + BATCH - 1))
          .orderBy('id')
          .execute();
        const text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
        writeSync(fd, text);
        sm3.update(text);
        lastHash = rows.at(-1)?.hash ?? lastHash;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      const fileSm3 = sm3.digest('hex');
      await trx
        .insertInto('auditArchives')
        .values({
          id: (previous?.id ?? 0) + 1,
          firstId,
          lastId,
          lastHash,
          fileName: name,
          fileSm3,
          archivedAt: new Date().toISOString(),
        })
        .execute();
      await trx
        .deleteFrom('auditEvents')
        .where('id', '>=', firstId)
        .where('id', '<=', lastId)
        .execute();
      await writeAudit(trx, ctx, {
        action: 'audit.archive',
        objectType: 'audit_archive',
        objectId: (previous?.id ?? 0) + 1,
        detail: {
          firstId,
          lastId,
          count: lastId - firstId + 1,
          fileName: name,
          fileSm3,
          before: beforeDate,
        },
      });
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    renameSync(temp, final);
    return { file: final, firstId, lastId, count: lastId - firstId + 1 };
  });
}

/** Re-checks an archive file: every event's hash, the links between them, its SM3. */
export function verifyArchiveFile(file: string): {
  ok: boolean;
  count: number;
  sm3: string;
  lastHash: string;
  reason: string | null;
} {
  const text = readFileSync(file, 'utf8');
  const sm3 = createHash('sm3').update(text).digest('hex');
  let prev: string | null = null;
  let prevId: number | null = null;
  let count = 0;
  for (const line of text.split('\n').filter(Boolean)) {
    const { hash, ...fields } = JSON.parse(line) as {
      hash: string;
      id: number;
      prevHash: string;
    } & Parameters<typeof chainHash>[0];
    const fail = (reason: string) => ({
      ok: false,
      count,
      sm3,
      lastHash: prev ?? '',
      reason: `event ${fields.id}: ${reason}`,
    });
    if (prevId !== null && fields.id !== prevId + 1) return fail('not the next id');
    if (prev !== null && fields.prevHash !== prev)
      return fail('prev_hash does not match the event before');
    if (chainHash(fields) !== hash) return fail('stored fields do not match the event hash');
    prev = hash;
    prevId = fields.id;
    count += 1;
  }
  return { ok: true, count, sm3, lastHash: prev ?? '', reason: null };
}
