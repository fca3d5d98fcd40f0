import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Accounts people get and recover themselves (issue 10 item 13):
 * - `registrations`: an enterprise applies with its credit code and the password it chose (kept
 *   as an argon2id hash, cleared once decided); the city admin of the organisation's city
 *   approves (the account is made then) or rejects with a reason.
 * - `accounts.org_manager`: the organisation's first user manages its colleagues' accounts (a
 *   duty held by an enterprise account, not a role of its own).
 * - `password_resets`: reset links, kept as the SHA-256 of their token, short-lived, used once.
 * - `direct_emails`: e-mails to an address rather than to an inbox (an applicant has no account
 *   yet; a reset link must not sit in anyone's inbox). A link that carries a secret is stored
 *   sealed and erased once sent.
 */
export function m202612041330SelfServiceAccounts(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('accounts')
        .addColumn('org_manager', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await d
        .addIdColumn(db.schema.createTable('registrations'))
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('username', 'varchar(64)', (c) => c.notNull())
        .addColumn('display_name', 'varchar(40)', (c) => c.notNull())
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        .addColumn('phone', 'varchar(20)')
        .addColumn('password_hash', 'varchar(200)')
        .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
        .addColumn('org_name', 'varchar(80)', (c) => c.notNull())
        .addColumn('org_industry', 'varchar(30)')
        .addColumn('org_address', 'varchar(200)')
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('decided_at', 'varchar(30)')
        .addColumn('reason', 'varchar(500)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // A city admin's queue.
      await db.schema
        .createIndex('registrations_queue')
        .on('registrations')
        .columns(['region_code', 'status', 'id'])
        .execute();
      // One open application per credit code and per user name, even when two arrive at once.
      for (const column of ['credit_code', 'username'])
        await db.schema
          .createIndex(`registrations_pending_${column}`)
          .on('registrations')
          .column(column)
          .unique()
          .where(sql.ref('status'), '=', 'pending')
          .execute();

      await d
        .addIdColumn(db.schema.createTable('password_resets'))
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(30)')
        .execute();
      await db.schema
        .createIndex('password_resets_account')
        .on('password_resets')
        .columns(['account_id', 'created_at'])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('direct_emails'))
        .addColumn('address', 'varchar(254)', (c) => c.notNull())
        .addColumn('type', 'varchar(64)', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('link', 'varchar(1000)')
        .addColumn('link_sealed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(30)')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'varchar(500)')
        .execute();
      await db.schema
        .createIndex('direct_emails_pending')
        .on('direct_emails')
        .columns(['sent_at', 'id'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('direct_emails').execute();
      await db.schema.dropTable('password_resets').execute();
      await db.schema.dropTable('registrations').execute();
      await db.schema.alterTable('accounts').dropColumn('org_manager').execute();
    },
  };
}
