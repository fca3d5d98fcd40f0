import { INDICATOR_FIELDS } from '@corridor/contracts';
import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../core/db/dialect';
import type {
  Database,
  IndicatorChangesTable,
  IndicatorYearsTable,
  OrgCertificatesTable,
  TierResultsTable,
} from '../../core/db/schema';
import type { StoredValues } from './indicators.evaluate';

type Exec = Db | Transaction<Database>;
export type YearRow = Selectable<IndicatorYearsTable>;
type ValueColumns = Omit<
  Insertable<IndicatorYearsTable>,
  'id' | 'orgId' | 'year' | 'version' | 'createdAt' | 'updatedAt' | 'updatedBy'
>;

/** Lists and maps are JSON text in the row. */
export const JSON_FIELDS = new Set<string>([
  'ip',
  'equity',
  'awards',
  'rdInstitutions',
  'standards',
  'violations',
  'profile',
  'assessments',
]);
const BATCH = 300;

/** Fields whose column is spelt differently ('IO' would not survive camelCase ↔ snake_case). */
const COLUMN_OF: Record<string, string> = {
  ipClassIOwnDeveloped: 'ipClass1OwnDeveloped',
  ipClassIHighValue: 'ipClass1HighValue',
  ipClassIInUse: 'ipClass1InUse',
};
const column = (field: string) => COLUMN_OF[field] ?? field;

export function rowToValues(row: YearRow): StoredValues {
  const r = row as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of INDICATOR_FIELDS) {
    const v = r[column(key)];
    out[key] =
      v === null || v === undefined ? null : JSON_FIELDS.has(key) ? JSON.parse(String(v)) : v;
  }
  return out as StoredValues;
}

export function valuesToRow(values: StoredValues): ValueColumns {
  const out: Record<string, unknown> = {};
  for (const key of INDICATOR_FIELDS) {
    const v = values[key];
    out[column(key)] =
      v === null || v === undefined ? null : JSON_FIELDS.has(key) ? JSON.stringify(v) : v;
  }
  return out as unknown as ValueColumns;
}

// ---------- indicator years ----------

export async function listYearRows(db: Exec, orgId: number) {
  return db
    .selectFrom('indicatorYears')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('year', 'desc')
    .execute();
}

export async function findYearRow(db: Exec, orgId: number, year: number) {
  return db
    .selectFrom('indicatorYears')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** All rows of these organisations (any year), in batches. */
export async function yearRowsOfOrgs(db: Exec, orgIds: number[]) {
  const out: YearRow[] = [];
  for (let i = 0; i < orgIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('indicatorYears')
        .selectAll()
        .where('orgId', 'in', orgIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** Ids of the organisations with figures for a year. */
export async function orgIdsWithYear(db: Exec, year: number) {
  const rows = await db
    .selectFrom('indicatorYears')
    .select('orgId')
    .where('year', '=', year)
    .orderBy('orgId')
    .execute();
  return rows.map((r) => r.orgId);
}

export async function insertYear(trx: Exec, values: Insertable<IndicatorYearsTable>) {
  await trx.insertInto('indicatorYears').values(values).execute();
}

export async function insertYears(trx: Exec, rows: Insertable<IndicatorYearsTable>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('indicatorYears')
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** Optimistic update: changes the row only if it still has the version the editor read. */
export async function updateYearIfVersion(
  trx: Exec,
  id: number,
  version: number,
  set: Updateable<IndicatorYearsTable>,
) {
  const result = await trx
    .updateTable('indicatorYears')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------- provenance ----------

export async function insertChanges(trx: Exec, changes: Insertable<IndicatorChangesTable>[]) {
  for (let i = 0; i < changes.length; i += BATCH) {
    await trx
      .insertInto('indicatorChanges')
      .values(changes.slice(i, i + BATCH))
      .execute();
  }
}

/** Changes of one org (one year, or all), newest first. */
export async function listChanges(db: Exec, orgId: number, year: number | null, limit: number) {
  let q = db.selectFrom('indicatorChanges').selectAll().where('orgId', '=', orgId);
  if (year !== null) q = q.where('year', '=', year);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

// ---------- certificates ----------

export async function listCertificates(db: Exec, orgId: number) {
  return db
    .selectFrom('orgCertificates')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('issuedOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function certificatesOfOrgs(db: Exec, orgIds: number[]) {
  const out: Selectable<OrgCertificatesTable>[] = [];
  for (let i = 0; i < orgIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('orgCertificates')
        .selectAll()
        .where('orgId', 'in', orgIds.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function insertCertificates(trx: Exec, rows: Insertable<OrgCertificatesTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const inserted = await trx
      .insertInto('orgCertificates')
      .values(rows.slice(i, i + BATCH))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function findCertificate(db: Exec, orgId: number, id: number) {
  return db
    .selectFrom('orgCertificates')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteCertificate(trx: Exec, orgId: number, id: number) {
  const result = await trx
    .deleteFrom('orgCertificates')
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// ---------- tier results ----------

export async function replaceTierResults(
  trx: Exec,
  orgIds: number[],
  rows: Insertable<TierResultsTable>[],
) {
  for (let i = 0; i < orgIds.length; i += 500) {
    await trx
      .deleteFrom('tierResults')
      .where('orgId', 'in', orgIds.slice(i, i + 500))
      .execute();
  }
  for (let i = 0; i < rows.length; i += BATCH * 2) {
    await trx
      .insertInto('tierResults')
      .values(rows.slice(i, i + BATCH * 2))
      .execute();
  }
}

/** Per city × tier: enterprises evaluated, eligible and within reach in one year. */
export async function tierCounts(db: Exec, year: number) {
  return db
    .selectFrom('tierResults')
    .select((eb) => [
      'regionCode',
      'tier',
      eb.fn.countAll<number>().as('evaluated'),
      eb.fn.sum<number>('eligible').as('eligible'),
      eb.fn.sum<number>('withinReach').as('withinReach'),
    ])
    .where('year', '=', year)
    .groupBy(['regionCode', 'tier'])
    .execute();
}

/** Per city × kind: organisations holding a certificate valid on some day of the year. */
export async function certifiedCounts(db: Exec, year: number) {
  return db
    .selectFrom('orgCertificates')
    .select((eb) => ['regionCode', 'kind', eb.fn.count<number>('orgId').distinct().as('holders')])
    .where('issuedOn', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('expiresOn', 'is', null), eb('expiresOn', '>=', `${year}-01-01`)]))
    .groupBy(['regionCode', 'kind'])
    .execute();
}

/** Organisations with anything the tier engine reads or has written, by id after `afterId`. */
export async function orgIdsForTiers(db: Exec, afterId: number, limit: number) {
  const rows = await db
    .selectFrom('indicatorYears')
    .select('orgId')
    .where('orgId', '>', afterId)
    .union(db.selectFrom('orgCertificates').select('orgId').where('orgId', '>', afterId))
    .union(db.selectFrom('tierResults').select('orgId').where('orgId', '>', afterId))
    .orderBy('orgId')
    .limit(limit)
    .execute();
  return rows.map((r) => r.orgId);
}

export async function tierResultsOf(db: Exec, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  return db.selectFrom('tierResults').selectAll().where('orgId', 'in', orgIds).execute();
}
