import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../core/db/dialect';
import type { Database, RankingEditionsTable, RankingMethodsTable } from '../../core/db/schema';

// The row-level tables (inputs, corrections, entries) live in their own file.
export * from './rankings.rows.repo';

type Exec = Db | Transaction<Database>;

// ---------- keys ----------

export async function findKeyByAccount(db: Exec, accountId: number) {
  return db
    .selectFrom('rankingKeys')
    .selectAll()
    .where('accountId', '=', accountId)
    .executeTakeFirst();
}

export async function insertKey(
  db: Exec,
  values: { accountId: number; publicKey: string; privateKey: string; createdAt: string },
) {
  const row = await db
    .insertInto('rankingKeys')
    .values({ ...values, algorithm: 'SM2' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function allKeys(db: Exec) {
  return db.selectFrom('rankingKeys').select(['id', 'privateKey']).execute();
}

export async function setSealedPrivateKey(db: Exec, id: number, sealed: string) {
  await db.updateTable('rankingKeys').set({ privateKey: sealed }).where('id', '=', id).execute();
}

// ---------- methods ----------

export async function findMethod(db: Exec, id: number) {
  return db.selectFrom('rankingMethods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextMethodVersion(db: Exec, code: string) {
  const row = await db
    .selectFrom('rankingMethods')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertMethod(db: Exec, values: Insertable<RankingMethodsTable>) {
  const row = await db
    .insertInto('rankingMethods')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a method only while it is still a draft; false when it was published meanwhile. */
export async function updateDraftMethod(
  db: Exec,
  id: number,
  set: Updateable<RankingMethodsTable>,
) {
  const result = await db
    .updateTable('rankingMethods')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listMethods(
  db: Exec,
  f: { viewerId: number | null; status?: string | undefined },
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('rankingMethods');
  q = q.where((eb) =>
    f.viewerId === null
      ? eb('status', '=', 'published')
      : eb.or([eb('status', '=', 'published'), eb('ownerId', '=', f.viewerId)]),
  );
  if (f.status) q = q.where('status', '=', f.status);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll()
      .orderBy('code')
      .orderBy('version', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

// ---------- editions ----------

export async function findEdition(db: Exec, id: number) {
  return db
    .selectFrom('rankingEditions as e')
    .innerJoin('rankingMethods as m', 'm.id', 'e.methodId')
    .selectAll('e')
    .select(['m.code as methodCode', 'm.version as methodVersion', 'm.name as methodName'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}
export type EditionRow = NonNullable<Awaited<ReturnType<typeof findEdition>>>;

export interface EditionVisibility {
  all: boolean;
  ownerId: number | null;
  orgId: number | null;
}

export async function listEditions(
  db: Exec,
  v: EditionVisibility,
  f: { status?: string | undefined; year?: number | undefined; methodId?: number | undefined },
  page: number,
  pageSize: number,
) {
  let q = db
    .selectFrom('rankingEditions as e')
    .innerJoin('rankingMethods as m', 'm.id', 'e.methodId');
  if (!v.all) {
    q = q.where((eb) => {
      const seen = [eb('e.status', '=', 'published')];
      if (v.ownerId !== null) seen.push(eb('e.ownerId', '=', v.ownerId));
      if (v.orgId !== null)
        seen.push(
          eb.and([
            eb('e.status', 'in', ['correction', 'closed']),
            eb.exists(
              eb
                .selectFrom('rankingInputs as i')
                .select('i.orgId')
                .whereRef('i.editionId', '=', 'e.id')
                .where('i.orgId', '=', v.orgId),
            ),
          ]),
        );
      return eb.or(seen);
    });
  }
  if (f.status) q = q.where('e.status', '=', f.status);
  if (f.year) q = q.where('e.year', '=', f.year);
  if (f.methodId) q = q.where('e.methodId', '=', f.methodId);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    q
      .selectAll('e')
      .select(['m.code as methodCode', 'm.version as methodVersion', 'm.name as methodName'])
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

export async function insertEdition(db: Exec, values: Insertable<RankingEditionsTable>) {
  const row = await db
    .insertInto('rankingEditions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Moves an edition on only from the expected stage(s). On PostgreSQL the UPDATE also locks the
 * row, so decisions, filings and publication of one edition run one after another.
 */
export async function updateEditionIf(
  db: Exec,
  id: number,
  fromStatuses: string[],
  set: Updateable<RankingEditionsTable>,
) {
  const result = await db
    .updateTable('rankingEditions')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The latest published edition of the same method code and scope, before this one. */
export async function findPreviousPublished(
  db: Exec,
  e: { id: number; methodCode: string; city: string | null; industry: string | null },
) {
  let q = db
    .selectFrom('rankingEditions as e')
    .innerJoin('rankingMethods as m', 'm.id', 'e.methodId')
    .select(['e.id', 'e.title'])
    .where('m.code', '=', e.methodCode)
    .where('e.status', '=', 'published')
    .where('e.id', '!=', e.id);
  q = e.city === null ? q.where('e.city', 'is', null) : q.where('e.city', '=', e.city);
  q =
    e.industry === null
      ? q.where('e.industry', 'is', null)
      : q.where('e.industry', '=', e.industry);
  return q.orderBy('e.publishedAt', 'desc').orderBy('e.id', 'desc').executeTakeFirst();
}

export async function insertDocument(db: Exec, editionId: number, canonicalJson: string) {
  await db.insertInto('rankingEditionDocuments').values({ editionId, canonicalJson }).execute();
}

export async function findDocument(db: Exec, editionId: number) {
  const row = await db
    .selectFrom('rankingEditionDocuments')
    .select('canonicalJson')
    .where('editionId', '=', editionId)
    .executeTakeFirst();
  return row?.canonicalJson ?? null;
}

/** Edition titles by id, for the audit log's object column. */
export async function editionTitlesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('rankingEditions')
    .select(['id', 'title as name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Method names by id, for the audit log's object column. */
export async function methodNamesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('rankingMethods')
    .select(['id', 'name as name'])
    .where('id', 'in', [...ids])
    .execute();
}
