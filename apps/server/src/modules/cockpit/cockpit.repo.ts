import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../core/db/dialect';
import type { CockpitOfficialKpisTable, Database } from '../../core/db/schema';

type Exec = Db | Transaction<Database>;
type Trx = Transaction<Database>;
const _CHUNK = 500;

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
