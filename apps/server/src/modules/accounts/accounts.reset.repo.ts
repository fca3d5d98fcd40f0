import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../core/db/schema';

/** Password-reset links (their tokens' SHA-256); only the accounts module's services call these. */

type Exec = Kysely<Database> | Transaction<Database>;

export async function insertReset(
  db: Exec,
  values: { accountId: number; tokenHash: string; createdAt: string; expiresAt: string },
) {
  await db
    .insertInto('passwordResets')
    .values({ ...values, usedAt: null })
    .execute();
}

/** Links issued to the account since `since` (the per-account throttle). */
export async function countIssuedSince(db: Exec, accountId: number, since: string) {
  const row = await db
    .selectFrom('passwordResets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('accountId', '=', accountId)
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes a link: marks it used if it is unused and not expired, in one statement, so two
 * requests with one token cannot both pass. The account it was for, or null.
 */
export async function takeReset(db: Exec, tokenHash: string, now: string) {
  const row = await db
    .updateTable('passwordResets')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('accountId')
    .executeTakeFirst();
  return row?.accountId ?? null;
}

/** Voids every unused link of the account (a newer link, a reset done, an admin reset). */
export async function voidResets(db: Exec, accountId: number, now: string) {
  await db
    .updateTable('passwordResets')
    .set({ usedAt: now })
    .where('accountId', '=', accountId)
    .where('usedAt', 'is', null)
    .execute();
}
