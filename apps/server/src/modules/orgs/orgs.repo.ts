import type { ExpressionBuilder, Insertable, Transaction, Updateable } from 'kysely';
import { type Db, type Dialect, likeText } from '../../core/db/dialect';
import type { Database, OrgsTable } from '../../core/db/schema';

type Exec = Db | Transaction<Database>;

export interface OrgFilter {
  city?: string | undefined;
  type?: string | undefined;
  industry?: string | undefined;
  q?: string | undefined;
}

function filtered(db: Exec, dialect: Dialect, f: OrgFilter) {
  let query = db.selectFrom('orgs');
  if (f.city) query = query.where('regionCode', '=', f.city);
  if (f.type) query = query.where('type', '=', f.type);
  if (f.industry) query = query.where('industry', '=', f.industry);
  const q = f.q?.trim();
  if (q && /^[0-9A-Za-z]{2,18}$/.test(q) && /\d/.test(q)) {
    query = query.where(likeText(dialect, 'creditCode', q.toUpperCase(), 'prefix'));
  } else if (q) {
    // Several words ("wuhan guanggu", "武汉 gd"): each must be in the name, as Chinese, or in
    // its pinyin, full or initials.
    for (const word of q.split(/\s+/).slice(0, 8)) {
      if (/^[A-Za-z]+$/.test(word)) {
        const lower = word.toLowerCase();
        query = query.where((eb) =>
          eb.or([
            likeText(dialect, 'pinyinInitials', lower),
            likeText(dialect, 'pinyinFull', lower),
            likeText(dialect, 'name', word),
          ]),
        );
      } else {
        query = query.where(likeText(dialect, 'name', word));
      }
    }
  }
  return query;
}

export async function listOrgRows(
  db: Exec,
  dialect: Dialect,
  f: OrgFilter,
  page: number,
  pageSize: number,
) {
  const base = filtered(db, dialect, f);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** Rows for an export, in id order, at most `limit`. */
export async function exportOrgRows(db: Exec, dialect: Dialect, f: OrgFilter, limit: number) {
  return filtered(db, dialect, f).selectAll().orderBy('id').limit(limit).execute();
}

export async function findOrgById(db: Exec, id: number) {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrgIdsByCreditCodes(db: Exec, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('orgs')
      .select('creditCode')
      .where('creditCode', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.creditCode);
  }
  return found;
}

export async function insertOrg(trx: Exec, values: Insertable<OrgsTable>): Promise<number> {
  const row = await trx.insertInto('orgs').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Optimistic update: changes the row only if it still has the version the editor read. */
export async function updateOrgIfVersion(
  trx: Exec,
  id: number,
  version: number,
  set: Updateable<OrgsTable>,
) {
  const result = await trx
    .updateTable('orgs')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countOrgsByCityAndType(db: Exec) {
  return db
    .selectFrom('orgs')
    .select(['regionCode', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['regionCode', 'type'])
    .execute();
}

export async function findOrgRefsByCreditCodes(db: Exec, codes: string[]) {
  const out: { id: number; type: string; regionCode: string; creditCode: string }[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('orgs')
      .select(['id', 'type', 'regionCode', 'creditCode'])
      .where('creditCode', 'in', codes.slice(i, i + 500))
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Directory facts (no personal data) of organisations by id or by credit code, in batches. */
export async function findOrgFacts(db: Exec, by: 'id' | 'creditCode', keys: (number | string)[]) {
  const out: {
    id: number;
    creditCode: string;
    name: string;
    type: string;
    regionCode: string;
    industry: string | null;
    foundedOn: string | null;
  }[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const slice = keys.slice(i, i + 500);
    let query = db
      .selectFrom('orgs')
      .select(['id', 'creditCode', 'name', 'type', 'regionCode', 'industry', 'foundedOn']);
    query =
      by === 'id'
        ? query.where('id', 'in', slice as number[])
        : query.where('creditCode', 'in', slice as string[]);
    out.push(...(await query.execute()));
  }
  return out;
}

/** Directory facts of the enterprises of a city and/or industry (all when unset), by id. */
export async function enterpriseFacts(
  db: Exec,
  f: { city?: string | null; industry?: string | null },
) {
  let query = db
    .selectFrom('orgs')
    .select(['id', 'creditCode', 'name', 'regionCode', 'industry'])
    .where('type', '=', 'enterprise');
  if (f.city) query = query.where('regionCode', '=', f.city);
  if (f.industry) query = query.where('industry', '=', f.industry);
  return query.orderBy('id').execute();
}

/**
 * Organisations counted per city, type, industry and hour created: the cockpit's org counts
 * as a full scan gives them (rebuild and its test). 'YYYY-MM-DDTHH' of the UTC timestamp is the
 * same text in both engines; literals are inlined so PostgreSQL sees the grouped expression and
 * the selected one as identical.
 */
export async function countOrgsByHour(db: Exec) {
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
