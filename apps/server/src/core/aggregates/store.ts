import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../db/dialect';
import type { CockpitFlowStatsTable, CockpitOrgCountsTable, Database } from '../db/schema';

/**
 * The aggregate store's SQL: counted rows that modules add signed deltas to inside their own
 * transactions, and that a rebuild replaces per source. The cockpit reads them; nobody else
 * writes them. Keys passed in must be unique and sorted (concurrent writers lock rows in order).
 */
type Exec = Db | Transaction<Database>;
type Trx = Transaction<Database>;
const CHUNK = 500;

export type OrgCountRow = Insertable<CockpitOrgCountsTable> & { n: number };
export type FlowRow = Insertable<CockpitFlowStatsTable> & { n: number; amountYuan: number };

/**
 * Every writer that changes counted rows also writes its audit event, which locks the chain's
 * head: both are locked in one order — the head first — so two writers never wait on each other.
 * (PostgreSQL found the other order deadlocking: one writer held a count row and waited for the
 * head, another held the head and waited for that row.) A no-op update takes the row lock on
 * both engines; writeAudit taking it again later in the transaction costs nothing.
 */
async function holdAuditHead(trx: Trx) {
  await trx
    .updateTable('auditHead')
    .set((eb) => ({ lastId: eb.ref('lastId') }))
    .where('id', '=', 1)
    .execute();
}

export async function addOrgCountDeltas(trx: Trx, rows: OrgCountRow[]) {
  await holdAuditHead(trx);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitOrgCounts')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc
          .columns(['regionCode', 'type', 'industry', 'createdMonth'])
          .doUpdateSet((eb) => ({ n: eb('cockpitOrgCounts.n', '+', eb.ref('excluded.n')) })),
      )
      .execute();
  }
}

export async function addFlowDeltas(trx: Trx, rows: FlowRow[]) {
  await holdAuditHead(trx);
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitFlowStats')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['kind', 'ym', 'fromCity', 'toCity', 'field']).doUpdateSet((eb) => ({
          n: eb('cockpitFlowStats.n', '+', eb.ref('excluded.n')),
          amountYuan: eb('cockpitFlowStats.amountYuan', '+', eb.ref('excluded.amountYuan')),
        })),
      )
      .execute();
  }
}

/** Replaces all org counts (a rebuild). On SQLite the delete takes the writer lock first. */
export async function replaceOrgCounts(trx: Trx, rows: OrgCountRow[]) {
  await holdAuditHead(trx);
  await trx.deleteFrom('cockpitOrgCounts').execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitOrgCounts')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/** Replaces the flows of one kind (a rebuild of that source), leaving other kinds alone. */
export async function replaceFlows(trx: Trx, kind: string, rows: FlowRow[]) {
  await holdAuditHead(trx);
  await trx.deleteFrom('cockpitFlowStats').where('kind', '=', kind).execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('cockpitFlowStats')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function storedOrgCounts(db: Exec): Promise<OrgCountRow[]> {
  const rows = await db.selectFrom('cockpitOrgCounts').selectAll().where('n', '<>', 0).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function storedFlows(db: Exec, kind: string): Promise<FlowRow[]> {
  const rows = await db
    .selectFrom('cockpitFlowStats')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('n', '<>', 0), eb('amountYuan', '<>', 0)]))
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), amountYuan: Number(r.amountYuan) }));
}
