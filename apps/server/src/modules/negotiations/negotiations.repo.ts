import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, NegotiationEntriesTable, NegotiationsTable } from '../../core/db/schema';

type Exec = Kysely<Database> | Transaction<Database>;
export type NegotiationRow = Selectable<NegotiationsTable>;
export type EntryRow = Selectable<NegotiationEntriesTable>;

export async function insertNegotiation(
  trx: Exec,
  values: Insertable<NegotiationsTable>,
): Promise<number> {
  const row = await trx
    .insertInto('negotiations')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEntry(
  trx: Exec,
  values: Insertable<NegotiationEntriesTable>,
): Promise<number> {
  const row = await trx
    .insertInto('negotiationEntries')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findNegotiation(db: Exec, id: number): Promise<NegotiationRow | undefined> {
  return db.selectFrom('negotiations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function entriesOf(db: Exec, negotiationId: number): Promise<EntryRow[]> {
  return db
    .selectFrom('negotiationEntries')
    .selectAll()
    .where('negotiationId', '=', negotiationId)
    .orderBy('id')
    .execute();
}

/** The latest offer of a thread (the only one that can be accepted). */
export async function latestOffer(db: Exec, negotiationId: number): Promise<EntryRow | undefined> {
  return db
    .selectFrom('negotiationEntries')
    .selectAll()
    .where('negotiationId', '=', negotiationId)
    .where('kind', '=', 'offer')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Latest offers of many threads at once (the list shows who may accept what). */
export async function latestOffers(db: Exec, ids: number[]): Promise<Map<number, EntryRow>> {
  const out = new Map<number, EntryRow>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('negotiationEntries')
    .selectAll()
    .where('negotiationId', 'in', ids)
    .where('kind', '=', 'offer')
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.negotiationId, r);
  return out;
}

/** An open (or agreed, not yet contracted) negotiation between the same parties on an achievement. */
export async function findActive(
  db: Exec,
  achievementId: number,
  buyerOrgId: number,
): Promise<NegotiationRow | undefined> {
  return db
    .selectFrom('negotiations')
    .selectAll()
    .where('achievementId', '=', achievementId)
    .where('buyerOrgId', '=', buyerOrgId)
    .where('status', 'in', ['open', 'agreed'])
    .executeTakeFirst();
}

export async function countActiveOn(db: Exec, achievementId: number): Promise<number> {
  const r = await db
    .selectFrom('negotiations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('achievementId', '=', achievementId)
    .where('status', 'in', ['open', 'agreed'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The negotiations of an organisation (either side) or of a broker, newest first. */
export async function listFor(
  db: Exec,
  who: { orgId: number | null; brokerId: number | null },
  status: string | undefined,
  limit: number,
): Promise<NegotiationRow[]> {
  let q = db.selectFrom('negotiations').selectAll();
  q = q.where((eb) => {
    const ors = [];
    if (who.orgId !== null)
      ors.push(eb('sellerOrgId', '=', who.orgId), eb('buyerOrgId', '=', who.orgId));
    if (who.brokerId !== null) ors.push(eb('brokerId', '=', who.brokerId));
    return ors.length ? eb.or(ors) : eb.lit(false);
  });
  if (status) q = q.where('status', '=', status);
  return q.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Moves a negotiation on only if nobody else did meanwhile (optimistic, by version). */
export async function updateIfVersion(
  trx: Exec,
  id: number,
  version: number,
  values: Partial<Insertable<NegotiationsTable>>,
): Promise<boolean> {
  const r = await trx
    .updateTable('negotiations')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Why threads on an achievement were abandoned: count per reason code. */
export async function abandonReasons(db: Exec, achievementId: number) {
  const rows = await db
    .selectFrom('negotiationEntries as e')
    .innerJoin('negotiations as n', 'n.id', 'e.negotiationId')
    .select(['e.reason', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('n.achievementId', '=', achievementId)
    .where('e.kind', '=', 'abandon')
    .groupBy('e.reason')
    .execute();
  return rows.map((r) => ({ reason: r.reason, count: Number(r.n) }));
}

export async function idsByIntroduction(db: Exec, introductionIds: number[]) {
  if (introductionIds.length === 0) return [];
  return db
    .selectFrom('negotiations')
    .select(['id', 'introductionId'])
    .where('introductionId', 'in', introductionIds)
    .execute();
}

/** Titles of the achievements negotiated by id, for the audit log's object column. */
export async function achievementTitlesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('negotiations')
    .select(['id', 'achievementTitle as name'])
    .where('id', 'in', [...ids])
    .execute();
}
