import type { Role } from '@corridor/contracts';
import type { Transaction } from 'kysely';
import { type Db, type Dialect, likeText } from '../../core/db/dialect';
import type { Database } from '../../core/db/schema';

type Exec = Db | Transaction<Database>;

const PUBLIC_COLUMNS = [
  'id',
  'username',
  'displayName',
  'regionCode',
  'orgId',
  'disabled',
  'lockedUntil',
  'createdAt',
  'mfaEnabledAt',
  'email',
  'orgManager',
  'passwordSetByOther',
  'version',
] as const;

export async function findAccountByUsername(db: Exec, username: string) {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findAccountById(db: Exec, id: number) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesByAccount(db: Exec, ids: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('accountRoles')
    .selectAll()
    .where('accountId', 'in', ids)
    .execute();
  for (const row of rows)
    map.set(row.accountId, [...(map.get(row.accountId) ?? []), row.role as Role]);
  return map;
}

export async function insertAccount(
  trx: Exec,
  values: {
    username: string;
    displayName: string;
    passwordHash: string;
    regionCode: string;
    orgId: number | null;
    /** 1 when an administrator chose the password (the owner changes it at first sign-in). */
    passwordSetByOther?: number;
    email?: string | null;
    orgManager?: number;
  },
) {
  const now = new Date().toISOString();
  const row = await trx
    .insertInto('accounts')
    .values({
      ...values,
      disabled: 0,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: now,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceRoles(trx: Exec, accountId: number, roles: Role[]) {
  await trx.deleteFrom('accountRoles').where('accountId', '=', accountId).execute();
  await trx
    .insertInto('accountRoles')
    .values(roles.map((role) => ({ accountId, role })))
    .execute();
}

export async function updateAccountRow(
  trx: Exec,
  id: number,
  set: Partial<{
    disabled: number;
    failedLogins: number;
    lockedUntil: string | null;
    passwordHash: string;
    passwordChangedAt: string;
    passwordSetByOther: number;
    email: string | null;
    orgManager: number;
  }>,
) {
  await trx.updateTable('accounts').set(set).where('id', '=', id).execute();
}

/** Counts a failed sign-in on the account (all addresses; for alerts). The new count. */
export async function countFailedLogin(db: Exec, id: number): Promise<number> {
  const row = await db
    .updateTable('accounts')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  return Number(row.failedLogins);
}

/** Ends every session of an account (logout everywhere, password change, disable). */
export async function deleteSessionsOf(trx: Exec, accountId: number) {
  await trx.deleteFrom('sessions').where('accountId', '=', accountId).execute();
}

export async function listAccountRows(
  db: Exec,
  dialect: Dialect,
  filter: { q?: string | undefined; role?: Role | undefined; regionCode?: string | undefined },
  page: number,
  pageSize: number,
) {
  let query = db.selectFrom('accounts');
  if (filter.q) query = query.where(likeText(dialect, 'username', filter.q));
  if (filter.regionCode) query = query.where('regionCode', '=', filter.regionCode);
  if (filter.role) {
    const role = filter.role;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('accountRoles').select('accountId').where('role', '=', role),
    );
  }
  const total = await query
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select([...PUBLIC_COLUMNS])
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

/** Enabled accounts holding a role in one region: id and display name only (for other modules). */
export async function enabledAccountsWithRole(
  db: Exec,
  role: Role,
  regionCode: string,
  limit: number,
) {
  return db
    .selectFrom('accounts')
    .select(['id', 'displayName'])
    .where('regionCode', '=', regionCode)
    .where('disabled', '=', 0)
    .where('id', 'in', (eb) =>
      eb.selectFrom('accountRoles').select('accountId').where('role', '=', role),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The most recent earlier password hashes of an account, newest first. */
export async function recentPasswordHashes(db: Exec, accountId: number, n: number) {
  const rows = await db
    .selectFrom('passwordHistory')
    .select('passwordHash')
    .where('accountId', '=', accountId)
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => r.passwordHash);
}

export async function rememberPasswordHash(trx: Exec, accountId: number, passwordHash: string) {
  await trx
    .insertInto('passwordHistory')
    .values({ accountId, passwordHash, replacedAt: new Date().toISOString() })
    .execute();
}

export async function setMfaColumns(
  trx: Exec,
  id: number,
  values: {
    mfaSecret?: string | null;
    mfaPendingSecret?: string | null;
    mfaEnabledAt?: string | null;
    mfaLastStep?: number | null;
  },
) {
  await trx.updateTable('accounts').set(values).where('id', '=', id).execute();
}

/** Takes a TOTP step for the account only if it is later than the last one taken (no replay). */
export async function takeMfaStep(db: Exec, id: number, step: number): Promise<boolean> {
  const r = await db
    .updateTable('accounts')
    .set({ mfaLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('mfaLastStep', 'is', null), eb('mfaLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** User names (not the person's name: the log keeps no more than it holds) by id, for the audit log's object column. */
export async function usernamesByIds(db: Exec, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('accounts')
    .select(['id', 'username as name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Enabled accounts with this e-mail address (a forgotten password asked for by address). */
export async function enabledAccountsByEmail(db: Exec, email: string, limit: number) {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('email', '=', email)
    .where('disabled', '=', 0)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The accounts of one organisation (its manager's colleague list). */
export async function accountsOfOrg(db: Exec, orgId: number) {
  return db
    .selectFrom('accounts')
    .select([...PUBLIC_COLUMNS])
    .where('orgId', '=', orgId)
    .orderBy('id')
    .execute();
}

export async function countAccountsOfOrg(db: Exec, orgId: number): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
