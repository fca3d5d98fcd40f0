import { type Kysely, sql, type Transaction } from 'kysely';
import { AppError } from '../errors';
import type { Database } from './schema';

type Exec = Kysely<Database> | Transaction<Database>;

/** Tables whose rows carry an edit counter that writers must name (issue 19 item 2). */
type Versioned =
  | 'accounts'
  | 'registrations'
  | 'rankingEditions'
  | 'rankingCorrections'
  | 'matchingIntroductions'
  | 'deals'
  | 'negotiations'
  | 'parks'
  | 'parkPhases'
  | 'parkFigures';

/**
 * Takes the next version of a row if it still has the one the writer read, as the first
 * statement of the writer's transaction: on PostgreSQL the UPDATE also locks the row, so a
 * second writer waits and then finds the version moved. Throws 409 `record.version_conflict`.
 */
export async function claimVersion(
  db: Exec,
  table: Versioned | 'rankingMethods',
  id: number,
  read: number,
): Promise<void> {
  // Ranking methods number their published versions in `version`; edits count in `revision`.
  const column = table === 'rankingMethods' ? 'revision' : 'version';
  const result = await db
    .updateTable(table)
    .set({ [column]: sql`${sql.ref(column)} + 1` })
    .where('id', '=', id)
    .where(column, '=', read)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('record.version_conflict');
}
