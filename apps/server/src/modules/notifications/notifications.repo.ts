import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema';

/** Rows of the inbox and the e-mail outbox; only the notifications service calls these. */

type Db = Kysely<Database> | Transaction<Database>;

export async function enabledAccounts(
  db: Db,
  where: { accountIds: number[]; orgIds: number[]; roles: readonly string[] | undefined },
) {
  if (where.accountIds.length === 0 && where.orgIds.length === 0) return [];
  let q = db
    .selectFrom('accounts')
    .select(['accounts.id', 'accounts.email'])
    .where('accounts.disabled', '=', 0)
    .where((eb) =>
      eb.or([
        ...(where.accountIds.length ? [eb('accounts.id', 'in', where.accountIds)] : []),
        ...(where.orgIds.length ? [eb('accounts.orgId', 'in', where.orgIds)] : []),
      ]),
    );
  const roles = where.roles;
  if (roles?.length) {
    // An org's users narrowed to those roles; named accounts are taken as they are.
    q = q.where((eb) =>
      eb.or([
        ...(where.accountIds.length ? [eb('accounts.id', 'in', where.accountIds)] : []),
        eb.exists(
          eb
            .selectFrom('accountRoles')
            .select('accountRoles.accountId')
            .whereRef('accountRoles.accountId', '=', 'accounts.id')
            .where('accountRoles.role', 'in', [...roles]),
        ),
      ]),
    );
  }
  return q.orderBy('accounts.id').execute();
}

export async function insertNotification(
  db: Db,
  row: {
    recipientId: number;
    type: string;
    params: string;
    link: string | null;
    createdAt: string;
  },
) {
  const r = await db
    .insertInto('notifications')
    .values({ ...row, readAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertEmail(db: Db, notificationId: number, address: string, at: string) {
  await db
    .insertInto('emailOutbox')
    .values({ notificationId, address, createdAt: at, sentAt: null, lastError: null })
    .execute();
}

export async function listOwn(
  db: Db,
  recipientId: number,
  unreadOnly: boolean,
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('notifications').where('recipientId', '=', recipientId);
  if (unreadOnly) q = q.where('readAt', 'is', null);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countUnread(db: Db, recipientId: number) {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipientId', '=', recipientId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findOwn(db: Db, id: number, recipientId: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('recipientId', '=', recipientId)
    .executeTakeFirst();
}

export async function markRead(
  db: Db,
  recipientId: number,
  at: string,
  which: { id?: number; upToId?: number | undefined },
) {
  let q = db
    .updateTable('notifications')
    .set({ readAt: at })
    .where('recipientId', '=', recipientId)
    .where('readAt', 'is', null);
  if (which.id !== undefined) q = q.where('id', '=', which.id);
  if (which.upToId !== undefined) q = q.where('id', '<=', which.upToId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function pendingEmails(db: Db, limit: number, maxAttempts: number) {
  return db
    .selectFrom('emailOutbox')
    .innerJoin('notifications', 'notifications.id', 'emailOutbox.notificationId')
    .select([
      'emailOutbox.id',
      'emailOutbox.address',
      'emailOutbox.attempts',
      'notifications.type',
      'notifications.params',
      'notifications.link',
    ])
    .where('emailOutbox.sentAt', 'is', null)
    .where('emailOutbox.attempts', '<', maxAttempts)
    .orderBy('emailOutbox.id')
    .limit(limit)
    .execute();
}

export async function markEmail(
  db: Db,
  id: number,
  result: { sentAt: string | null; attempts: number; lastError: string | null },
) {
  await db.updateTable('emailOutbox').set(result).where('id', '=', id).execute();
}

export async function insertDirectEmail(
  db: Db,
  row: {
    address: string;
    type: string;
    params: string;
    link: string | null;
    linkSealed: number;
    createdAt: string;
  },
) {
  await db
    .insertInto('directEmails')
    .values({ ...row, sentAt: null, lastError: null })
    .execute();
}

export async function pendingDirectEmails(db: Db, limit: number, maxAttempts: number) {
  return db
    .selectFrom('directEmails')
    .select(['id', 'address', 'attempts', 'type', 'params', 'link', 'linkSealed'])
    .where('sentAt', 'is', null)
    .where('attempts', '<', maxAttempts)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** After sending, a sealed link (a secret) is erased: the e-mail has it, the database no more. */
export async function markDirectEmail(
  db: Db,
  id: number,
  result: { sentAt: string | null; attempts: number; lastError: string | null },
  eraseLink: boolean,
) {
  await db
    .updateTable('directEmails')
    .set({ ...result, ...(eraseLink ? { link: null } : {}) })
    .where('id', '=', id)
    .execute();
}
