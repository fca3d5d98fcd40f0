import { randomBytes } from 'node:crypto';
import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/** Accounts, roles, sessions, organisations, the audit chain and settings. */
export function m202611261900Foundation(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('orgs'))
        .addColumn('credit_code', 'varchar(18)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(80)', (c) => c.notNull())
        .addColumn('pinyin_initials', 'varchar(80)', (c) => c.notNull())
        .addColumn('pinyin_full', 'varchar(400)', (c) => c.notNull())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('industry', 'varchar(32)')
        .addColumn('address', 'varchar(200)')
        .addColumn('founded_on', 'varchar(10)')
        .addColumn('contact_name', 'varchar(40)')
        .addColumn('contact_phone', 'varchar(20)')
        .addColumn('description', 'varchar(2000)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('updated_by', 'integer')
        .execute();
      // The list screen filters by city (and type) and pages by id.
      await db.schema
        .createIndex('orgs_region_id')
        .on('orgs')
        .columns(['region_code', 'id'])
        .execute();
      await db.schema.createIndex('orgs_type_id').on('orgs').columns(['type', 'id']).execute();

      await d
        .addIdColumn(db.schema.createTable('accounts'))
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('display_name', 'varchar(40)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('org_id', 'integer', (c) => c.references('orgs.id'))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'varchar(30)')
        .addColumn('password_changed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('account_roles')
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('role', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('account_roles_pk', ['account_id', 'role'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('source_ip', 'varchar(64)')
        .execute();
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

      // Ids are assigned by the chain (head.last_id + 1), never by the database: no gaps.
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('occurred_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('actor_name', 'varchar(64)')
        .addColumn('actor_roles', 'varchar(200)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)')
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('object_type', 'varchar(32)')
        .addColumn('object_id', 'varchar(64)')
        .addColumn('source_ip', 'varchar(64)')
        .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('hash', 'varchar(64)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_events_action')
        .on('audit_events')
        .columns(['action', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_events_actor')
        .on('audit_events')
        .columns(['actor_id', 'id'])
        .execute();

      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('last_id', 'integer', (c) => c.notNull())
        .addColumn('last_hash', 'varchar(64)', (c) => c.notNull())
        .execute();
      await db
        .insertInto('audit_head')
        .values({ id: 1, last_id: 0, last_hash: '0'.repeat(64) })
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      // Key of the HMAC-SM3 that stands in for personal data in audit details.
      await db
        .insertInto('settings')
        .values({ key: 'audit_pi_key', value: randomBytes(32).toString('hex') })
        .execute();

      if (d.name === 'postgres') {
        // The audit log is append-only for the application: refuse UPDATE and DELETE outright.
        await sql`create or replace function audit_events_append_only() returns trigger as $$
          begin raise exception 'audit_events is append-only'; end $$ language plpgsql`.execute(db);
        await sql`create trigger audit_events_no_change before update or delete on audit_events
          for each row execute function audit_events_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_events_no_update before update on audit_events
          begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
        await sql`create trigger audit_events_no_delete before delete on audit_events
          begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
      }
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const t of [
        'settings',
        'audit_head',
        'audit_events',
        'sessions',
        'account_roles',
        'accounts',
        'orgs',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
