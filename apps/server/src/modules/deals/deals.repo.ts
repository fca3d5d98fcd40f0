import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DealsTable } from '../../core/db/schema';

type Exec = Kysely<Database> | Transaction<Database>;
export type DealRow = Selectable<DealsTable>;

/** Who sees which contracts: everything, the contracts touching a city, or of some orgs/creator. */
export type DealScope =
  | { kind: 'all' }
  | { kind: 'city'; city: string }
  | { kind: 'own'; orgId: number | null; createdBy: number };

export async function insertDeal(trx: Exec, values: Insertable<DealsTable>): Promise<number> {
  const row = await trx
    .insertInto('deals')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDeals(trx: Exec, values: Insertable<DealsTable>[]): Promise<void> {
  for (let i = 0; i < values.length; i += 100)
    await trx
      .insertInto('deals')
      .values(values.slice(i, i + 100))
      .execute();
}

export async function findDeal(db: Exec, id: number): Promise<DealRow | undefined> {
  return db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDeals(
  db: Exec,
  scope: DealScope,
  f: { status?: string | undefined; city?: string | undefined },
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('deals');
  if (scope.kind === 'city')
    q = q.where((eb) =>
      eb.or([eb('sellerCity', '=', scope.city), eb('buyerCity', '=', scope.city)]),
    );
  if (scope.kind === 'own') {
    const { orgId, createdBy } = scope;
    q = q.where((eb) =>
      eb.or([
        eb('createdBy', '=', createdBy),
        ...(orgId === null ? [] : [eb('sellerOrgId', '=', orgId), eb('buyerOrgId', '=', orgId)]),
      ]),
    );
  }
  if (f.status) q = q.where('status', '=', f.status);
  const city = f.city;
  if (city) q = q.where((eb) => eb.or([eb('sellerCity', '=', city), eb('buyerCity', '=', city)]));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** Moves a contract on only if nobody else did meanwhile (optimistic, by version). */
export async function updateDealIfVersion(
  trx: Exec,
  id: number,
  version: number,
  values: Partial<Insertable<DealsTable>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('deals')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Next serial of a year and city; the row lock (PostgreSQL) serialises concurrent registrars. */
export async function nextSerial(trx: Exec, yearRegion: string): Promise<number> {
  await trx
    .insertInto('dealRegistrationSeq')
    .values({ yearRegion, last: 0 })
    .onConflict((oc) => oc.column('yearRegion').doNothing())
    .execute();
  const row = await trx
    .updateTable('dealRegistrationSeq')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('yearRegion', '=', yearRegion)
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function setSerial(trx: Exec, yearRegion: string, last: number): Promise<void> {
  await trx
    .insertInto('dealRegistrationSeq')
    .values({ yearRegion, last })
    .onConflict((oc) => oc.column('yearRegion').doUpdateSet({ last }))
    .execute();
}

/** Registered contracts of a signing year per seller city × buyer city. */
export async function flowTotals(db: Exec, year: number, field: string | undefined) {
  let q = db.selectFrom('deals').where('status', '=', 'registered').where('signedYear', '=', year);
  if (field) q = q.where('field', '=', field);
  const rows = await q
    .select((eb) => [
      'sellerCity',
      'buyerCity',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('totalAmountWan').as('amount'),
    ])
    .groupBy(['sellerCity', 'buyerCity'])
    .execute();
  return rows.map((r) => ({
    sellerCity: r.sellerCity,
    buyerCity: r.buyerCity,
    n: Number(r.n),
    amount: Number(r.amount ?? 0),
  }));
}

/** What the cockpit's contract flows count of every registered contract (its rebuild). */
export async function registeredFlowRows(db: Exec) {
  return db
    .selectFrom('deals')
    .select(['signedOn', 'sellerCity', 'buyerCity', 'field', 'totalAmountWan'])
    .where('status', '=', 'registered')
    .execute();
}

/** Contract project names by id, for the audit log's object column. */
export async function projectNamesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('deals')
    .select(['id', 'projectName as name'])
    .where('id', 'in', [...ids])
    .execute();
}
