import type { ExpressionBuilder, Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../core/db/dialect';
import type {
  CockpitFlowStatsTable,
  CockpitOfficialKpisTable,
  CockpitOrgCountsTable,
  Database,
} from '../../core/db/schema';

type Exec = Db | Transaction<Database>;
type Trx = Transaction<Database>;
const CHUNK = 500;

// ---------- aggregates: incremental deltas ----------

/** Adds signed deltas to org counts, creating missing keys. Keys must be unique and sorted. */
export async function addOrgCountDeltas(trx: Trx, rows: Insertable<CockpitOrgCountsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitOrgCounts')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'type', 'industry', 'createdMonth'])
          .doUpdateSet((eb) => ({ n: eb('cockpitOrgCounts.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

/** Adds signed deltas to flow stats, creating missing keys. Keys must be unique and sorted. */
export async function addFlowDeltas(trx: Trx, rows: Insertable<CockpitFlowStatsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitFlowStats')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['kind', 'ym', 'fromCity', 'toCity', 'field']).doUpdateSet((eb) => ({
          n: eb('cockpitFlowStats.n', '+', eb.ref('excluded.n')),
          amountYuan: eb('cockpitFlowStats.amountYuan', '+', eb.ref('excluded.amountYuan')),
        })),
      )
      .execute();
  }
}

// ---------- aggregates: full scan and rebuild ----------

/**
 * The projection's definition read straight from the organisations table: counts per city,
 * type, industry and hour created. It runs inside the rebuild's transaction, under its lock,
 * which is why it is here and not a call to the orgs service.
 */
export async function scanOrgsByHour(db: Exec) {
  // 'YYYY-MM-DDTHH' of the UTC timestamp: the same text in both engines; literals are inlined
  // so PostgreSQL sees the grouped expression and the selected one as identical.
  const hour = (eb: ExpressionBuilder<Database, 'orgs'>) =>
    eb.fn<string>('substr', ['createdAt', eb.lit(1), eb.lit(13)]);
  const rows = await db
    .selectFrom('orgs')
    .select((eb) => [
      'regionCode',
      'type',
      'industry',
      hour(eb).as('hour'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy((eb) => ['regionCode', 'type', 'industry', hour(eb)])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Empties the org counts; on SQLite this first write takes the writer lock before the scan. */
export async function deleteAllOrgCounts(trx: Trx) {
  await trx.deleteFrom('cockpitOrgCounts').execute();
}

export async function insertOrgCounts(trx: Trx, rows: Insertable<CockpitOrgCountsTable>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitOrgCounts')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

// ---------- aggregates: reads ----------

export async function orgCountRows(db: Exec) {
  const rows = await db.selectFrom('cockpitOrgCounts').selectAll().where('n', '<>', 0).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function orgCountsByCityType(db: Exec) {
  const rows = await db
    .selectFrom('cockpitOrgCounts')
    .select(['regionCode', 'type', (eb) => eb.fn.sum<number>('n').as('n')])
    .groupBy(['regionCode', 'type'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function orgCountsOfCity(db: Exec, city: string) {
  const rows = await db
    .selectFrom('cockpitOrgCounts')
    .select(['type', 'industry', 'createdMonth', 'n'])
    .where('regionCode', '=', city)
    .where('n', '<>', 0)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Flow rows of the months from..to ('YYYY-MM', inclusive), optionally touching one city. */
export async function flowRows(db: Exec, from: string, to: string, city?: string) {
  let q = db
    .selectFrom('cockpitFlowStats')
    .selectAll()
    .where('ym', '>=', from)
    .where('ym', '<=', to)
    .where('n', '<>', 0);
  if (city) q = q.where((eb) => eb.or([eb('fromCity', '=', city), eb('toCity', '=', city)]));
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), amountYuan: Number(r.amountYuan) }));
}

export async function anyFlow(db: Exec, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('cockpitFlowStats')
    .select('kind')
    .where('kind', '=', kind)
    .where('n', '<>', 0)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

// ---------- officials' entries ----------

export async function insertOfficialKpi(trx: Trx, values: Insertable<CockpitOfficialKpisTable>) {
  const row = await trx
    .insertInto('cockpitOfficialKpis')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findOfficialKpi(db: Exec, id: number) {
  return db.selectFrom('cockpitOfficialKpis').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOfficialKpiIfVersion(
  trx: Trx,
  id: number,
  version: number,
  set: Updateable<CockpitOfficialKpisTable>,
) {
  const result = await trx
    .updateTable('cockpitOfficialKpis')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest entry of each code: latest statistical date, then latest entered. */
export async function latestOfficialKpis(db: Exec) {
  const rows = await db
    .selectFrom('cockpitOfficialKpis as k')
    .selectAll('k')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cockpitOfficialKpis as later')
            .select('later.id')
            .whereRef('later.code', '=', 'k.code')
            .where((eb) =>
              eb.or([
                eb('later.asOf', '>', eb.ref('k.asOf')),
                eb.and([
                  eb('later.asOf', '=', eb.ref('k.asOf')),
                  eb('later.id', '>', eb.ref('k.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  return rows;
}

export async function listOfficialKpis(db: Exec, limit: number) {
  return db
    .selectFrom('cockpitOfficialKpis')
    .selectAll()
    .orderBy('asOf', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
