import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../core/db/dialect';
import type { Database, MatchingIntroductionsTable } from '../../core/db/schema';

/** All Kysely code of the matching module. */
type Trx = Transaction<Database>;

export type IntroductionRow = Selectable<MatchingIntroductionsTable>;
type Exec = Db | Trx;

export async function insertIntroduction(
  trx: Trx,
  row: Insertable<MatchingIntroductionsTable>,
): Promise<number> {
  const r = await trx
    .insertInto('matchingIntroductions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findIntroduction(db: Exec, id: number) {
  return db.selectFrom('matchingIntroductions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; bounded (a broker's or an organisation's working list, not an archive). */
export function listIntroductions(db: Exec, by: { brokerId?: number; achievementOrgId?: number }) {
  let q = db.selectFrom('matchingIntroductions').selectAll();
  if (by.brokerId !== undefined) q = q.where('brokerId', '=', by.brokerId);
  if (by.achievementOrgId !== undefined) q = q.where('achievementOrgId', '=', by.achievementOrgId);
  return q.orderBy('id', 'desc').limit(200).execute();
}

/** Answers a pending introduction; false when it was answered meanwhile. */
export async function answerIfPending(
  trx: Trx,
  id: number,
  patch: Updateable<MatchingIntroductionsTable>,
): Promise<boolean> {
  const r = await trx
    .updateTable('matchingIntroductions')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function feedbackCounts(db: Exec, achievementId: number) {
  return db
    .selectFrom('matchingIntroductions')
    .select(['status', 'reason', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('achievementId', '=', achievementId)
    .groupBy(['status', 'reason'])
    .execute();
}

/** Titles of the achievements introduced by id, for the audit log's object column. */
export async function introducedTitlesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('matchingIntroductions')
    .select(['id', 'achievementTitle as name'])
    .where('id', 'in', [...ids])
    .execute();
}
