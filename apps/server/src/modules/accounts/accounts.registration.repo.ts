import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, RegistrationsTable } from '../../core/db/schema';

/** Rows of enterprise self-registrations; only the accounts module's services call these. */

type Exec = Kysely<Database> | Transaction<Database>;
export type RegistrationRow = Selectable<RegistrationsTable> & { decidedByName: string | null };

export async function insertRegistration(
  db: Exec,
  values: Omit<
    RegistrationsTable,
    'id' | 'version' | 'status' | 'accountId' | 'decidedBy' | 'decidedAt' | 'reason'
  >,
): Promise<number> {
  const row = await db
    .insertInto('registrations')
    .values({ ...values, status: 'pending', accountId: null, decidedBy: null, decidedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function withDecider(db: Exec) {
  return db
    .selectFrom('registrations')
    .leftJoin('accounts as decider', 'decider.id', 'registrations.decidedBy')
    .selectAll('registrations')
    .select('decider.displayName as decidedByName');
}

export async function findRegistration(db: Exec, id: number): Promise<RegistrationRow | undefined> {
  return withDecider(db).where('registrations.id', '=', id).executeTakeFirst();
}

/** A pending application with this credit code or this user name, if any. */
export async function findPending(db: Exec, creditCode: string, username: string) {
  return db
    .selectFrom('registrations')
    .select(['id'])
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('creditCode', '=', creditCode), eb('username', '=', username)]))
    .executeTakeFirst();
}

export async function listRegistrations(
  db: Exec,
  filter: { regionCode: string; status?: string | undefined },
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('registrations').where('regionCode', '=', filter.regionCode);
  if (filter.status) q = q.where('status', '=', filter.status as RegistrationsTable['status']);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await q
    .select('id')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const rows = ids.length
    ? await withDecider(db)
        .where(
          'registrations.id',
          'in',
          ids.map((r) => r.id),
        )
        .orderBy('registrations.id', 'desc')
        .execute()
    : [];
  return { total: Number(total.n), rows };
}

/** Settles a pending application; the chosen password's hash is dropped either way. */
export async function decideRegistration(
  db: Exec,
  id: number,
  values: {
    status: 'approved' | 'rejected';
    accountId: number | null;
    orgId: number | null;
    decidedBy: number;
    reason: string | null;
  },
) {
  await db
    .updateTable('registrations')
    .set({ ...values, decidedAt: new Date().toISOString(), passwordHash: null })
    .where('id', '=', id)
    .execute();
}

/** Enabled city admins of a city: who is told of a new application. */
export async function cityAdminIds(db: Exec, regionCode: string): Promise<number[]> {
  const rows = await db
    .selectFrom('accounts')
    .innerJoin('accountRoles', 'accountRoles.accountId', 'accounts.id')
    .select('accounts.id')
    .where('accountRoles.role', '=', 'city_admin')
    .where('accounts.regionCode', '=', regionCode)
    .where('accounts.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}
