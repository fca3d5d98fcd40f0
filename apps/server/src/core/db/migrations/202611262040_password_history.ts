import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Earlier password hashes of each account, so a change cannot go back to a recent one. */
export function m202611262040PasswordHistory(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('password_history'))
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
        .addColumn('replaced_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('password_history_account')
        .on('password_history')
        .columns(['account_id', 'id'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('password_history').execute();
    },
  };
}
