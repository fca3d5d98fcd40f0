import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, FilesTable } from '../../core/db/schema';

type Exec = Kysely<Database> | Transaction<Database>;

export type FileRow = Awaited<ReturnType<typeof findFile>> & object;

export async function insertFile(trx: Exec, values: Insertable<FilesTable>) {
  const row = await trx
    .insertInto('files')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findFile(db: Exec, id: number) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFiles(db: Exec, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('files').selectAll().where('id', 'in', ids).execute();
}

export async function filesLinkedTo(db: Exec, type: string, id: number) {
  return db
    .selectFrom('files')
    .selectAll()
    .where('linkedType', '=', type)
    .where('linkedId', '=', id)
    .orderBy('id')
    .execute();
}

/** Links the files to a record, only those still unattached or already on it (a race loses). */
export async function linkFiles(trx: Exec, ids: number[], type: string, id: number) {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('files')
    .set({ linkedType: type, linkedId: id })
    .where('id', 'in', ids)
    .where((eb) =>
      eb.or([
        eb('linkedType', 'is', null),
        eb.and([eb('linkedType', '=', type), eb('linkedId', '=', id)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function unlinkFiles(trx: Exec, ids: number[]) {
  if (ids.length === 0) return;
  await trx
    .updateTable('files')
    .set({ linkedType: null, linkedId: null })
    .where('id', 'in', ids)
    .execute();
}
