/** Queries on the parks tables only. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type {
  Database,
  ParkFiguresTable,
  ParkPaymentsTable,
  ParkPhasesTable,
  ParksTable,
} from '../../core/db/schema';

type Exec = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;
export type ParkRow = Selectable<ParksTable>;
export type PartyRow = { parkId: number; cityCode: string; role: string };
export type PhaseRow = Selectable<ParkPhasesTable>;
export type FigureRow = Selectable<ParkFiguresTable>;
export type PaymentRow = Selectable<ParkPaymentsTable>;

export async function listParks(db: Exec, city: string | null): Promise<ParkRow[]> {
  let q = db.selectFrom('parks').selectAll('parks');
  if (city)
    q = q.where(
      'id',
      'in',
      db.selectFrom('parkParties').select('parkId').where('cityCode', '=', city),
    );
  return q.orderBy('establishedOn').orderBy('id').limit(1000).execute();
}

export const findPark = (db: Exec, id: number) =>
  db.selectFrom('parks').selectAll().where('id', '=', id).executeTakeFirst();

export async function partiesOf(db: Exec, parkIds: number[]): Promise<PartyRow[]> {
  if (parkIds.length === 0) return [];
  return db
    .selectFrom('parkParties')
    .selectAll()
    .where('parkId', 'in', parkIds)
    .orderBy('parkId')
    .orderBy('cityCode')
    .execute();
}

export async function phasesOf(db: Exec, parkIds: number[]): Promise<PhaseRow[]> {
  if (parkIds.length === 0) return [];
  return db
    .selectFrom('parkPhases')
    .selectAll()
    .where('parkId', 'in', parkIds)
    .orderBy('startsOn')
    .execute();
}

export async function insertPark(trx: Trx, values: Insertable<ParksTable>) {
  return (await trx.insertInto('parks').values(values).returning('id').executeTakeFirstOrThrow())
    .id;
}

export const updatePark = (trx: Trx, id: number, set: Updateable<ParksTable>) =>
  trx.updateTable('parks').set(set).where('id', '=', id).execute();

export async function replaceParties(
  trx: Trx,
  parkId: number,
  parties: { cityCode: string; role: string }[],
) {
  await trx.deleteFrom('parkParties').where('parkId', '=', parkId).execute();
  await trx
    .insertInto('parkParties')
    .values(parties.map((p) => ({ parkId, ...p })))
    .execute();
}

export async function insertPhase(trx: Trx, values: Insertable<ParkPhasesTable>) {
  return (
    await trx.insertInto('parkPhases').values(values).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export const findPhase = (db: Exec, parkId: number, id: number) =>
  db
    .selectFrom('parkPhases')
    .selectAll()
    .where('id', '=', id)
    .where('parkId', '=', parkId)
    .executeTakeFirst();

export const updatePhase = (trx: Trx, id: number, set: Updateable<ParkPhasesTable>) =>
  trx.updateTable('parkPhases').set(set).where('id', '=', id).execute();

export const figuresOf = (db: Exec, parkIds: number[]) =>
  parkIds.length === 0
    ? Promise.resolve([] as FigureRow[])
    : db
        .selectFrom('parkFigures')
        .selectAll()
        .where('parkId', 'in', parkIds)
        .orderBy('year')
        .orderBy('item')
        .execute();

export const figuresOfYear = (db: Exec, year: number) =>
  db.selectFrom('parkFigures').selectAll().where('year', '=', year).execute();

export const findFigure = (db: Exec, parkId: number, id: number) =>
  db
    .selectFrom('parkFigures')
    .selectAll()
    .where('id', '=', id)
    .where('parkId', '=', parkId)
    .executeTakeFirst();

export const findFigureByKey = (db: Exec, parkId: number, year: number, item: string) =>
  db
    .selectFrom('parkFigures')
    .selectAll()
    .where('parkId', '=', parkId)
    .where('year', '=', year)
    .where('item', '=', item)
    .executeTakeFirst();

export async function insertFigure(trx: Trx, values: Insertable<ParkFiguresTable>) {
  return (
    await trx.insertInto('parkFigures').values(values).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export const updateFigure = (trx: Trx, id: number, set: Updateable<ParkFiguresTable>) =>
  trx.updateTable('parkFigures').set(set).where('id', '=', id).execute();

export const paymentsOf = (db: Exec, parkIds: number[]) =>
  parkIds.length === 0
    ? Promise.resolve([] as PaymentRow[])
    : db
        .selectFrom('parkPayments')
        .selectAll()
        .where('parkId', 'in', parkIds)
        .orderBy('paidOn')
        .orderBy('id')
        .execute();

export async function insertPayment(trx: Trx, values: Insertable<ParkPaymentsTable>) {
  return (
    await trx.insertInto('parkPayments').values(values).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export const findPayment = (db: Exec, id: number) =>
  db.selectFrom('parkPayments').selectAll().where('id', '=', id).executeTakeFirst();
