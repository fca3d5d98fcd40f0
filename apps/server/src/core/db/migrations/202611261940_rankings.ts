import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

const TABLES = [
  'ranking_entries',
  'ranking_edition_documents',
  'ranking_corrections',
  'ranking_inputs',
  'ranking_editions',
  'ranking_methods',
  'ranking_keys',
];

/** Ranking methods, editions, entries and corrections. */
export function m202611261940Rankings(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      // One SM2 key pair per publisher account. Production keeps the private key in an HSM/KMS.
      await d
        .addIdColumn(db.schema.createTable('ranking_keys'))
        .addColumn('account_id', 'integer', (c) => c.notNull().unique().references('accounts.id'))
        .addColumn('algorithm', 'varchar(16)', (c) => c.notNull())
        .addColumn('public_key', 'varchar(200)', (c) => c.notNull())
        .addColumn('private_key', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await d
        .addIdColumn(db.schema.createTable('ranking_methods'))
        .addColumn('code', 'varchar(40)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(80)', (c) => c.notNull())
        .addColumn('description', 'varchar(2000)')
        .addColumn('normalisation', 'varchar(16)', (c) => c.notNull())
        .addColumn('indicators', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('published_at', 'varchar(30)')
        .addUniqueConstraint('ranking_methods_code_version', ['code', 'version'])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('ranking_editions'))
        .addColumn('method_id', 'integer', (c) => c.notNull().references('ranking_methods.id'))
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('city', 'varchar(6)')
        .addColumn('industry', 'varchar(32)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('publisher_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('entry_count', 'integer', (c) => c.notNull())
        .addColumn('frozen_inputs_sm3', 'varchar(64)', (c) => c.notNull())
        .addColumn('final_inputs_sm3', 'varchar(64)')
        .addColumn('window_opened_at', 'varchar(30)')
        .addColumn('window_closes_on', 'varchar(10)')
        .addColumn('window_closed_at', 'varchar(30)')
        .addColumn('published_at', 'varchar(30)')
        .addColumn('previous_edition_id', 'integer')
        .addColumn('canonical_sm3', 'varchar(64)')
        .addColumn('signature', 'varchar(200)')
        .addColumn('public_key', 'varchar(200)')
        .addColumn('key_id', 'integer', (c) => c.references('ranking_keys.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ranking_editions_status')
        .on('ranking_editions')
        .columns(['status', 'id'])
        .execute();
      await db.schema
        .createIndex('ranking_editions_method')
        .on('ranking_editions')
        .columns(['method_id', 'status'])
        .execute();

      // The frozen snapshot: one row per enterprise, values and provenance as JSON by indicator.
      await db.schema
        .createTable('ranking_inputs')
        .addColumn('edition_id', 'integer', (c) => c.notNull().references('ranking_editions.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
        .addColumn('name', 'varchar(80)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('industry', 'varchar(32)')
        .addColumn('input_values', 'text', (c) => c.notNull())
        .addColumn('provenance', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ranking_inputs_pk', ['edition_id', 'org_id'])
        .execute();
      await db.schema
        .createIndex('ranking_inputs_code')
        .on('ranking_inputs')
        .columns(['edition_id', 'credit_code'])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('ranking_corrections'))
        .addColumn('edition_id', 'integer', (c) => c.notNull().references('ranking_editions.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('field', 'varchar(40)', (c) => c.notNull())
        .addColumn('previous_value', 'double precision')
        .addColumn('claimed_value', 'double precision', (c) => c.notNull())
        .addColumn('reason', 'varchar(500)', (c) => c.notNull())
        .addColumn('evidence', 'varchar(2000)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('decision_reason', 'varchar(500)')
        .addColumn('filed_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('filed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('decided_at', 'varchar(30)')
        .execute();
      await db.schema
        .createIndex('ranking_corrections_edition')
        .on('ranking_corrections')
        .columns(['edition_id', 'status', 'id'])
        .execute();
      // At most one open claim per enterprise and indicator (same syntax in both engines).
      await sql`create unique index ranking_corrections_one_pending
        on ranking_corrections (edition_id, org_id, field) where status = 'pending'`.execute(db);

      // Written once, at publication, in the same transaction as the signature.
      await db.schema
        .createTable('ranking_entries')
        .addColumn('edition_id', 'integer', (c) => c.notNull().references('ranking_editions.id'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
        .addColumn('name', 'varchar(80)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('industry', 'varchar(32)')
        .addColumn('total', 'double precision', (c) => c.notNull())
        .addColumn('previous_rank', 'integer')
        .addColumn('movement', 'integer')
        .addColumn('breakdown', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ranking_entries_pk', ['edition_id', 'org_id'])
        .execute();
      for (const [name, cols] of [
        ['ranking_entries_rank', ['edition_id', 'rank', 'credit_code']],
        ['ranking_entries_city', ['edition_id', 'region_code', 'rank']],
        ['ranking_entries_industry', ['edition_id', 'industry', 'rank']],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on('ranking_entries')
          .columns([...cols])
          .execute();
      }

      await db.schema
        .createTable('ranking_edition_documents')
        .addColumn('edition_id', 'integer', (c) => c.primaryKey().references('ranking_editions.id'))
        .addColumn('canonical_json', 'text', (c) => c.notNull())
        .execute();

      await immutabilityTriggers(db, d);
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      if (d.name === 'postgres') {
        await sql`drop function if exists ranking_refuse_change() cascade`.execute(db);
        await sql`drop function if exists ranking_guard_published_edition() cascade`.execute(db);
      }
      for (const t of TABLES) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}

/**
 * The database itself refuses to change what was published: a published method or edition
 * row, any entry or canonical document (written once), and the inputs and corrections of a
 * published edition. The service refuses first with 409; this is the second line.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
async function immutabilityTriggers(db: Kysely<any>, d: Dialect) {
  const message = 'published ranking records are immutable';
  if (d.name === 'postgres') {
    await sql`create or replace function ranking_refuse_change() returns trigger as $$
      begin raise exception 'published ranking records are immutable'; end $$ language plpgsql`.execute(
      db,
    );
    await sql`create or replace function ranking_guard_published_edition() returns trigger as $$
      begin
        if (select status from ranking_editions where id = old.edition_id) = 'published' then
          raise exception 'published ranking records are immutable';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$ language plpgsql`.execute(db);
    for (const table of ['ranking_methods', 'ranking_editions']) {
      await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete
        on ${sql.table(table)} for each row when (old.status = 'published')
        execute function ranking_refuse_change()`.execute(db);
    }
    for (const table of ['ranking_entries', 'ranking_edition_documents']) {
      await sql`create trigger ${sql.raw(`${table}_write_once`)} before update or delete
        on ${sql.table(table)} for each row execute function ranking_refuse_change()`.execute(db);
    }
    for (const table of ['ranking_inputs', 'ranking_corrections']) {
      await sql`create trigger ${sql.raw(`${table}_frozen`)} before update or delete
        on ${sql.table(table)} for each row
        execute function ranking_guard_published_edition()`.execute(db);
    }
    return;
  }
  const abort = sql.raw(`select raise(abort, '${message}');`);
  for (const table of ['ranking_methods', 'ranking_editions']) {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)}
        on ${sql.table(table)} when old.status = 'published' begin ${abort} end`.execute(db);
    }
  }
  for (const table of ['ranking_entries', 'ranking_edition_documents']) {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)}
        on ${sql.table(table)} begin ${abort} end`.execute(db);
    }
  }
  for (const table of ['ranking_inputs', 'ranking_corrections']) {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)}
        on ${sql.table(table)}
        when (select status from ranking_editions where id = old.edition_id) = 'published'
        begin ${abort} end`.execute(db);
    }
  }
}
