import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../core/db/schema';

type Exec = Kysely<Database> | Transaction<Database>;

/** Failures from one address before that address is locked out of the account. */
export const LOCK_AFTER_FAILURES = 5;
/** The first lock of a pair; each further one doubles, up to a day. */
export const LOCK_MINUTES = 15;
const MAX_LOCK_MS = 24 * 3_600_000;
/** Failures across all addresses that raise a brute-force alert (audited), every time again. */
export const ALERT_EVERY_FAILURES = 20;

/** The address a sign-in comes from, as counted (one bucket when the server cannot tell). */
export function clientKey(ip: string | null): string {
  return (ip ?? 'unknown').slice(0, 64);
}

/**
 * Counts an attempt of this pair before its password is checked, in one statement and only
 * while the pair is not locked, so parallel guesses cannot outrun the lock. A lock that has run
 * out starts the count again. Returns the pair's failure count, or null while it is locked.
 */
export async function countPairAttempt(
  db: Exec,
  accountId: number,
  client: string,
  now: string,
): Promise<number | null> {
  const expired = sql<boolean>`login_throttle.locked_until is not null and login_throttle.locked_until <= ${now}`;
  const row = await db
    .insertInto('loginThrottle')
    .values({ accountId, client, failures: 1, locks: 0, lockedUntil: null, updatedAt: now })
    .onConflict((oc) =>
      oc
        .columns(['accountId', 'client'])
        .doUpdateSet({
          failures: sql`case when ${expired} then 1 else login_throttle.failures + 1 end`,
          lockedUntil: sql`case when ${expired} then null else login_throttle.locked_until end`,
          updatedAt: now,
        })
        .where((eb) =>
          eb.or([
            eb('loginThrottle.lockedUntil', 'is', null),
            eb('loginThrottle.lockedUntil', '<=', now),
          ]),
        ),
    )
    .returning('failures')
    .executeTakeFirst();
  return row ? Number(row.failures) : null;
}

/** Locks the pair: 15 minutes the first time, twice as long each time after, a day at most. */
export async function lockPair(db: Exec, accountId: number, client: string, now: number) {
  const row = await db
    .selectFrom('loginThrottle')
    .select('locks')
    .where('accountId', '=', accountId)
    .where('client', '=', client)
    .executeTakeFirst();
  const locks = Number(row?.locks ?? 0);
  const ms = Math.min(LOCK_MINUTES * 60_000 * 2 ** locks, MAX_LOCK_MS);
  const lockedUntil = new Date(now + ms).toISOString();
  await db
    .updateTable('loginThrottle')
    .set({ failures: 0, locks: locks + 1, lockedUntil, updatedAt: new Date(now).toISOString() })
    .where('accountId', '=', accountId)
    .where('client', '=', client)
    .execute();
  return lockedUntil;
}

/** A successful sign-in from this address forgets its failures and earlier locks. */
export async function clearPair(db: Exec, accountId: number, client: string) {
  await db
    .deleteFrom('loginThrottle')
    .where('accountId', '=', accountId)
    .where('client', '=', client)
    .execute();
}

/** An administrator's unlock lifts every address's lock on the account. */
export async function clearAccount(db: Exec, accountId: number) {
  await db.deleteFrom('loginThrottle').where('accountId', '=', accountId).execute();
}
