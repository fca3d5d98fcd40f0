import type { Db } from '../../core/db/dialect';

/** Kysely code of the brokers' sub-market view (kept apart from matching.repo.ts). */

/** Introductions per broker and status; `ids` is one city's brokers (bounded by the caller). */
export async function introductionCountsByBroker(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('matchingIntroductions')
    .select(['brokerId', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('brokerId', 'in', [...ids])
    .groupBy(['brokerId', 'status'])
    .execute();
  // PostgreSQL answers count(*) as a string (bigint).
  return rows.map((r) => ({ brokerId: r.brokerId, status: r.status, n: Number(r.n) }));
}
