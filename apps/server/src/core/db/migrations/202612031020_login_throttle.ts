import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Failed sign-ins counted per (account, client address) (issue 19 item 9): five wrong passwords
 * from one address lock that address out of that account, not the account itself, so nobody can
 * lock an administrator out by guessing; each further lock of the same pair lasts twice as long.
 */
export function m202612031020LoginThrottle(_d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('login_throttle')
        .addColumn('account_id', 'integer', (c) => c.notNull())
        .addColumn('client', 'varchar(64)', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('locks', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'varchar(30)')
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('login_throttle_pk', ['account_id', 'client'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('login_throttle').execute();
    },
  };
}
