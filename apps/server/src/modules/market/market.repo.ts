import { type Insertable, sql, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../core/db/dialect';
import type { Database, MarketAchievementsTable, MarketDemandsTable } from '../../core/db/schema';

/** All Kysely code of the market's records (the full-text index is in search.dialect.ts). */
type Exec = Db | Transaction<Database>;

export interface ListFilter {
  orgId?: number;
  city?: string;
  statuses?: readonly string[];
}

export async function findAchievement(db: Exec, id: number) {
  return db
    .selectFrom('marketAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .selectAll('a')
    .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AchievementRow = NonNullable<Awaited<ReturnType<typeof findAchievement>>>;

export async function insertAchievement(trx: Exec, values: Insertable<MarketAchievementsTable>) {
  const row = await trx
    .insertInto('marketAchievements')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Optimistic update: changes the row only if it still has the version the caller read. */
export async function updateAchievementIfVersion(
  trx: Exec,
  id: number,
  version: number,
  set: Updateable<MarketAchievementsTable>,
) {
  const result = await trx
    .updateTable('marketAchievements')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listAchievementRows(db: Exec, f: ListFilter, page: number, size: number) {
  let q = db.selectFrom('marketAchievements as a').innerJoin('orgs as o', 'o.id', 'a.orgId');
  if (f.orgId !== undefined) q = q.where('a.orgId', '=', f.orgId);
  if (f.city) q = q.where('a.regionCode', '=', f.city);
  if (f.statuses?.length) q = q.where('a.status', 'in', f.statuses);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('a')
      .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
      .orderBy('a.id', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function achievementsByKeys(db: Exec, keys: readonly number[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('marketAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .selectAll('a')
    .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
    .where('a.searchKey', 'in', [...keys])
    .execute();
}

/** Featured listed achievements, newest listing first (the public showcase). */
export async function showcaseRows(
  db: Exec,
  f: { field?: string; city?: string },
  page: number,
  size: number,
) {
  let q = db
    .selectFrom('marketAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .where('a.showcase', '=', 1)
    .where('a.searchKey', 'is not', null);
  if (f.field) q = q.where('a.field', '=', f.field);
  if (f.city) q = q.where('a.regionCode', '=', f.city);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('a')
      .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
      .orderBy('a.searchKey', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function findDemand(db: Exec, id: number) {
  return db
    .selectFrom('marketDemands as d')
    .innerJoin('orgs as o', 'o.id', 'd.orgId')
    .selectAll('d')
    .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
export type DemandRow = NonNullable<Awaited<ReturnType<typeof findDemand>>>;

export async function insertDemand(trx: Exec, values: Insertable<MarketDemandsTable>) {
  const row = await trx
    .insertInto('marketDemands')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDemandIfVersion(
  trx: Exec,
  id: number,
  version: number,
  set: Updateable<MarketDemandsTable>,
) {
  const result = await trx
    .updateTable('marketDemands')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listDemandRows(db: Exec, f: ListFilter, page: number, size: number) {
  let q = db.selectFrom('marketDemands as d').innerJoin('orgs as o', 'o.id', 'd.orgId');
  if (f.orgId !== undefined) q = q.where('d.orgId', '=', f.orgId);
  if (f.city) q = q.where('d.regionCode', '=', f.city);
  if (f.statuses?.length) q = q.where('d.status', 'in', f.statuses);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('d')
      .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
      .orderBy('d.id', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function demandsByKeys(db: Exec, keys: readonly number[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('marketDemands as d')
    .innerJoin('orgs as o', 'o.id', 'd.orgId')
    .selectAll('d')
    .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
    .where('d.searchKey', 'in', [...keys])
    .execute();
}

/** Published open calls, newest first (public). */
export async function openCallRows(
  db: Exec,
  f: { field?: string; city?: string },
  page: number,
  size: number,
) {
  let q = db
    .selectFrom('marketDemands as d')
    .innerJoin('orgs as o', 'o.id', 'd.orgId')
    .where('d.openCall', '=', 1)
    .where('d.searchKey', 'is not', null);
  if (f.field) q = q.where('d.field', '=', f.field);
  if (f.city) q = q.where('d.regionCode', '=', f.city);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('d')
      .select(['o.name as orgName', 'o.creditCode as orgCreditCode'])
      .orderBy('d.searchKey', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** Exact prices (or budgets) of listed records, for the price sort's boundary buckets. */
export async function pricesByKeys(db: Exec, kind: 'achievement' | 'demand', keys: number[]) {
  const out = new Map<number, number | null>();
  for (let i = 0; i < keys.length; i += 500) {
    const batch = keys.slice(i, i + 500);
    const rows =
      kind === 'achievement'
        ? await db
            .selectFrom('marketAchievements')
            .select(['searchKey', 'priceWan as price'])
            .where('searchKey', 'in', batch)
            .execute()
        : await db
            .selectFrom('marketDemands')
            .select(['searchKey', 'budgetWan as price'])
            .where('searchKey', 'in', batch)
            .execute();
    for (const r of rows) out.set(Number(r.searchKey), r.price === null ? null : Number(r.price));
  }
  return out;
}

/**
 * Reserves `n` listing sequence numbers and returns the first. The counter row is updated in
 * the caller's transaction: PostgreSQL's row lock orders concurrent listings, SQLite has one
 * writer anyway.
 */
export async function reserveSeq(trx: Exec, kind: 'achievement' | 'demand', n: number) {
  const row = await trx
    .updateTable('marketCounters')
    .set({ value: sql`value + ${n}` })
    .where('name', '=', kind)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - n + 1;
}

/** Achievement titles by id, for the audit log's object column. */
export async function achievementTitlesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('marketAchievements')
    .select(['id', 'title as name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Demand titles by id, for the audit log's object column. */
export async function demandTitlesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('marketDemands')
    .select(['id', 'title as name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Listed records after `afterId`, in id order, with their owner's name (an index rebuild). */
export async function listedAchievementsAfter(db: Exec, afterId: number, limit: number) {
  return db
    .selectFrom('marketAchievements as a')
    .innerJoin('orgs as o', 'o.id', 'a.orgId')
    .selectAll('a')
    .select('o.name as orgName')
    .where('a.searchKey', 'is not', null)
    .where('a.id', '>', afterId)
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

export async function listedDemandsAfter(db: Exec, afterId: number, limit: number) {
  return db
    .selectFrom('marketDemands as d')
    .innerJoin('orgs as o', 'o.id', 'd.orgId')
    .selectAll('d')
    .select('o.name as orgName')
    .where('d.searchKey', 'is not', null)
    .where('d.id', '>', afterId)
    .orderBy('d.id')
    .limit(limit)
    .execute();
}
