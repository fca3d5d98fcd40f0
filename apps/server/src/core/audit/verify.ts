import type { AuditBreakCode } from '@corridor/contracts';
import type { Db } from '../db/dialect';
import { chainHash } from './audit';
import type { Checkpoint } from './checkpoints';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  /** In English, for logs and the CLI; the web renders `reasonCode` in the reader's language. */
  reason: string | null;
  reasonCode: AuditBreakCode | null;
  /** The external checkpoint the chain was held against, if there is one. */
  checkpoint: { count: number; at: string } | null;
  /** Events moved to archive files (the chain continues from the last one's hash). */
  archived: number;
}

const BATCH = 5_000;

/**
 * Walks the whole chain in id order and recomputes every hash. Any change to a stored field,
 * a removed or inserted event, or a cut-off tail is reported with the first event affected.
 */
export async function verifyAuditChain(
  db: Db,
  checkpoint: Checkpoint | null = null,
): Promise<VerifyResult> {
  const result = await walkChain(db, checkpoint);
  const archive = await lastArchive(db);
  return {
    ...result,
    archived: archive?.lastId ?? 0,
    checkpoint: checkpoint ? { count: checkpoint.count, at: checkpoint.at } : null,
  };
}

/**
 * The walk, and the hold against the checkpoint: the event it counted last must still be there
 * with the hash it had. A rewrite with every hash recomputed changes that hash; a cut tail
 * loses the event; both are caught however well the database itself was made to agree.
 */
async function lastArchive(db: Db) {
  return db
    .selectFrom('auditArchives')
    .select(['lastId', 'lastHash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function walkChain(
  db: Db,
  checkpoint: Checkpoint | null,
): Promise<Omit<VerifyResult, 'checkpoint' | 'archived'>> {
  // The head is read first: events appended while we walk are newer than what we vouch for.
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head)
    return {
      ok: false,
      checked: 0,
      firstBadId: 1,
      reason: 'chain head is missing',
      reasonCode: 'head_missing',
    };
  // Archived events are checked in their file (`audit verify-archive`); the chain here goes on
  // from the last archived event's hash.
  const archive = await lastArchive(db);
  let expectedPrev = archive?.lastHash ?? '0'.repeat(64);
  let expectedId = (archive?.lastId ?? 0) + 1;
  let checked = 0;
  if (
    checkpoint &&
    archive &&
    checkpoint.count === archive.lastId &&
    checkpoint.headHash !== archive.lastHash
  )
    return {
      ok: false,
      checked,
      firstBadId: archive.lastId,
      reason: `the archive's last hash differs from the signed checkpoint of ${checkpoint.at} (history rewritten)`,
      reasonCode: 'rewritten',
    };
  for (;;) {
    const rows = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('id', '>=', expectedId)
      .where('id', '<=', head.lastId)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const bad = (reason: string, reasonCode: AuditBreakCode) => ({
        ok: false,
        checked,
        firstBadId: row.id,
        reason,
        reasonCode,
      });
      if (checkpoint && row.id === checkpoint.count && row.hash !== checkpoint.headHash)
        return bad(
          `event ${row.id} differs from the signed checkpoint of ${checkpoint.at} (history rewritten)`,
          'rewritten',
        );
      if (row.id !== expectedId)
        return { ...bad(`event ${expectedId} is missing`, 'missing'), firstBadId: expectedId };
      if (row.prevHash !== expectedPrev)
        return bad('prev_hash does not match the previous event', 'prev_mismatch');
      const { hash, ...fields } = row;
      if (chainHash(fields) !== hash)
        return bad('stored fields do not match the event hash', 'hash_mismatch');
      expectedPrev = hash;
      expectedId += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const lastId = expectedId - 1;
  if (checkpoint && lastId < checkpoint.count) {
    return {
      ok: false,
      checked,
      firstBadId: lastId + 1,
      reason: `the signed checkpoint of ${checkpoint.at} counted ${checkpoint.count} events; only ${lastId} remain (chain cut)`,
      reasonCode: 'cut',
    };
  }
  if (head.lastId !== lastId || head.lastHash !== expectedPrev) {
    return {
      ok: false,
      checked,
      firstBadId: lastId + 1,
      reason: 'chain head does not match the last event (events removed at the end?)',
      reasonCode: 'head_mismatch',
    };
  }
  return { ok: true, checked, firstBadId: null, reason: null, reasonCode: null };
}
