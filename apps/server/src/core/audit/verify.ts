import type { Db } from '../db/dialect';
import { chainHash } from './audit';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  reason: string | null;
}

const BATCH = 5_000;

/**
 * Walks the whole chain in id order and recomputes every hash. Any change to a stored field,
 * a removed or inserted event, or a cut-off tail is reported with the first event affected.
 */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  // The head is read first: events appended while we walk are newer than what we vouch for.
  const head = await db.selectFrom('auditHead').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head) return { ok: false, checked: 0, firstBadId: 1, reason: 'chain head is missing' };
  let expectedPrev = '0'.repeat(64);
  let expectedId = 1;
  let checked = 0;
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
      const bad = (reason: string) => ({ ok: false, checked, firstBadId: row.id, reason });
      if (row.id !== expectedId)
        return { ...bad(`event ${expectedId} is missing`), firstBadId: expectedId };
      if (row.prevHash !== expectedPrev) return bad('prev_hash does not match the previous event');
      const { hash, ...fields } = row;
      if (chainHash(fields) !== hash) return bad('stored fields do not match the event hash');
      expectedPrev = hash;
      expectedId += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (head.lastId !== checked || head.lastHash !== expectedPrev) {
    return {
      ok: false,
      checked,
      firstBadId: checked + 1,
      reason: 'chain head does not match the last event (events removed at the end?)',
    };
  }
  return { ok: true, checked, firstBadId: null, reason: null };
}
