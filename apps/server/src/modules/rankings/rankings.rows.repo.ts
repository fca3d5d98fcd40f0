import type { Insertable, Transaction, Updateable } from 'kysely';
import { type Db, type Dialect, likeText } from '../../core/db/dialect';
import type {
  Database,
  RankingCorrectionsTable,
  RankingEntriesTable,
  RankingInputsTable,
} from '../../core/db/schema';

/** Kysely code of the per-enterprise rows: frozen inputs, corrections, published entries. */
type Exec = Db | Transaction<Database>;
/** Rows per multi-row INSERT: well inside SQLite's bound-parameter limit for these tables. */
const BATCH = 500;

// ---------- inputs ----------

export async function insertInputs(db: Exec, rows: Insertable<RankingInputsTable>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('rankingInputs')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export async function allInputs(db: Exec, editionId: number) {
  return db.selectFrom('rankingInputs').selectAll().where('editionId', '=', editionId).execute();
}

export async function findInput(db: Exec, editionId: number, orgId: number) {
  return db
    .selectFrom('rankingInputs')
    .selectAll()
    .where('editionId', '=', editionId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
}

export interface RowFilter {
  city?: string | undefined;
  industry?: string | undefined;
  q?: string | undefined;
  orgId?: number | undefined;
}

export async function pageInputs(
  db: Exec,
  dialect: Dialect,
  editionId: number,
  f: RowFilter,
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('rankingInputs').where('editionId', '=', editionId);
  if (f.city) q = q.where('regionCode', '=', f.city);
  if (f.industry) q = q.where('industry', '=', f.industry);
  if (f.orgId) q = q.where('orgId', '=', f.orgId);
  const text = f.q?.trim();
  if (text)
    q = q.where((eb) =>
      eb.or([
        likeText(dialect, 'name', text),
        likeText(dialect, 'creditCode', text.toUpperCase(), 'prefix'),
      ]),
    );
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('creditCode')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function setInputValue(
  db: Exec,
  editionId: number,
  orgId: number,
  set: { inputValues: string; provenance: string },
) {
  await db
    .updateTable('rankingInputs')
    .set(set)
    .where('editionId', '=', editionId)
    .where('orgId', '=', orgId)
    .execute();
}

// ---------- corrections ----------

export async function insertCorrection(db: Exec, values: Insertable<RankingCorrectionsTable>) {
  const row = await db
    .insertInto('rankingCorrections')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findCorrection(db: Exec, id: number) {
  return db
    .selectFrom('rankingCorrections as c')
    .innerJoin('rankingInputs as i', (j) =>
      j.onRef('i.editionId', '=', 'c.editionId').onRef('i.orgId', '=', 'c.orgId'),
    )
    .selectAll('c')
    .select(['i.name as orgName', 'i.creditCode', 'i.regionCode'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CorrectionRow = NonNullable<Awaited<ReturnType<typeof findCorrection>>>;

export async function decideCorrection(
  db: Exec,
  id: number,
  set: Updateable<RankingCorrectionsTable>,
) {
  const result = await db
    .updateTable('rankingCorrections')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function pageCorrections(
  db: Exec,
  editionId: number,
  f: { status?: string | undefined; orgId?: number | undefined; city?: string | undefined },
  page: number,
  pageSize: number,
) {
  let q = db
    .selectFrom('rankingCorrections as c')
    .innerJoin('rankingInputs as i', (j) =>
      j.onRef('i.editionId', '=', 'c.editionId').onRef('i.orgId', '=', 'c.orgId'),
    )
    .where('c.editionId', '=', editionId);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.orgId) q = q.where('c.orgId', '=', f.orgId);
  if (f.city) q = q.where('i.regionCode', '=', f.city);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('c')
      .select(['i.name as orgName', 'i.creditCode', 'i.regionCode'])
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function correctionCounts(db: Exec, editionId: number) {
  const rows = await db
    .selectFrom('rankingCorrections')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('editionId', '=', editionId)
    .groupBy('status')
    .execute();
  const counts = { pending: 0, accepted: 0, rejected: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts] = Number(r.n);
  return counts;
}

/** Decided corrections in id order, for the published document. */
export async function decidedCorrections(db: Exec, editionId: number) {
  return db
    .selectFrom('rankingCorrections as c')
    .innerJoin('rankingInputs as i', (j) =>
      j.onRef('i.editionId', '=', 'c.editionId').onRef('i.orgId', '=', 'c.orgId'),
    )
    .select([
      'c.id',
      'i.creditCode',
      'c.field',
      'c.previousValue',
      'c.claimedValue',
      'c.status',
      'c.decisionReason',
      'c.decidedAt',
    ])
    .where('c.editionId', '=', editionId)
    .where('c.status', 'in', ['accepted', 'rejected'])
    .orderBy('c.id')
    .execute();
}

// ---------- entries ----------

export async function insertEntries(db: Exec, rows: Insertable<RankingEntriesTable>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('rankingEntries')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

export async function ranksOf(db: Exec, editionId: number) {
  return db
    .selectFrom('rankingEntries')
    .select(['creditCode', 'rank'])
    .where('editionId', '=', editionId)
    .execute();
}

function filteredEntries(db: Exec, dialect: Dialect, editionId: number, f: RowFilter) {
  let q = db.selectFrom('rankingEntries').where('editionId', '=', editionId);
  if (f.city) q = q.where('regionCode', '=', f.city);
  if (f.industry) q = q.where('industry', '=', f.industry);
  const text = f.q?.trim();
  if (text)
    q = q.where((eb) =>
      eb.or([
        likeText(dialect, 'name', text),
        likeText(dialect, 'creditCode', text.toUpperCase(), 'prefix'),
      ]),
    );
  return q;
}

export async function pageEntries(
  db: Exec,
  dialect: Dialect,
  editionId: number,
  f: RowFilter,
  page: number,
  pageSize: number,
) {
  const q = filteredEntries(db, dialect, editionId, f);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('rank')
      .orderBy('creditCode')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function exportEntries(
  db: Exec,
  dialect: Dialect,
  editionId: number,
  f: RowFilter,
  limit: number,
) {
  return filteredEntries(db, dialect, editionId, f)
    .selectAll()
    .orderBy('rank')
    .orderBy('creditCode')
    .limit(limit)
    .execute();
}
