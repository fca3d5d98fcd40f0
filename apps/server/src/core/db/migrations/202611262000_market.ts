import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Technology market: achievements, demands, their full-text index.
 *
 * The index holds listed records only, one row per record keyed by its search key (see
 * modules/search/search.key.ts): SQLite a contentless FTS5 table whose rowid is the key,
 * PostgreSQL a table (search_key, tsvector) with a GIN index. Both receive the same tokens,
 * segmented by jieba in the application.
 */
export function m202611262000Market(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('market_achievements'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('abstract', 'varchar(4000)', (c) => c.notNull())
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('field', 'varchar(32)', (c) => c.notNull())
        .addColumn('industry', 'varchar(32)')
        .addColumn('trl', 'integer', (c) => c.notNull())
        .addColumn('stage', 'varchar(16)', (c) => c.notNull())
        .addColumn('ip_items', 'text', (c) => c.notNull())
        .addColumn('inventors', 'text', (c) => c.notNull())
        .addColumn('transfer_modes', 'text', (c) => c.notNull())
        .addColumn('price_wan', 'double precision')
        .addColumn('attachments', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('showcase', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('search_key', 'bigint', (c) => c.unique())
        .addColumn('review_note', 'varchar(500)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('submitted_at', 'varchar(30)')
        .addColumn('curated_at', 'varchar(30)')
        .addColumn('curated_by', 'integer')
        .addColumn('published_at', 'varchar(30)')
        .addColumn('created_by', 'integer')
        .addColumn('updated_by', 'integer')
        .execute();
      // An org's own list, an official's city queue, the public showcase.
      await db.schema
        .createIndex('market_achievements_org')
        .on('market_achievements')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createIndex('market_achievements_city')
        .on('market_achievements')
        .columns(['region_code', 'status', 'id'])
        .execute();
      await db.schema
        .createIndex('market_achievements_showcase')
        .on('market_achievements')
        .columns(['showcase', 'search_key'])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('market_demands'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('title', 'varchar(100)', (c) => c.notNull())
        .addColumn('description', 'varchar(4000)', (c) => c.notNull())
        .addColumn('field', 'varchar(32)', (c) => c.notNull())
        .addColumn('industry', 'varchar(32)')
        .addColumn('budget_wan', 'double precision')
        .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('open_call', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('search_key', 'bigint', (c) => c.unique())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('published_at', 'varchar(30)')
        .addColumn('created_by', 'integer')
        .addColumn('updated_by', 'integer')
        .execute();
      await db.schema
        .createIndex('market_demands_org')
        .on('market_demands')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createIndex('market_demands_city')
        .on('market_demands')
        .columns(['region_code', 'status', 'id'])
        .execute();
      await db.schema
        .createIndex('market_demands_open_call')
        .on('market_demands')
        .columns(['open_call', 'search_key'])
        .execute();

      // Listing sequences: one row each, incremented under the row lock.
      await db.schema
        .createTable('market_counters')
        .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await db
        .insertInto('market_counters')
        .values([
          { name: 'achievement', value: 0 },
          { name: 'demand', value: 0 },
        ])
        .execute();

      for (const kind of ['achievement', 'demand']) {
        if (d.name === 'sqlite') {
          // Contentless (the text lives in the record tables), per-column detail without
          // positions (no phrase queries: every term is one token), '_' inside filter tags.
          await sql
            .raw(
              `create virtual table market_${kind}_fts using fts5(head, kw, body, tags, ` +
                `content='', contentless_delete=1, detail=column, ` +
                `tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`,
            )
            .execute(db);
        } else {
          await db.schema
            .createTable(`market_${kind}_search`)
            .addColumn('search_key', 'bigint', (c) => c.primaryKey())
            .addColumn('tsv', sql`tsvector`, (c) => c.notNull())
            .execute();
          await sql
            .raw(`create index market_${kind}_search_tsv on market_${kind}_search using gin (tsv)`)
            .execute(db);
        }
      }
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const t of [
        'market_achievement_fts',
        'market_demand_fts',
        'market_achievement_search',
        'market_demand_search',
        'market_counters',
        'market_demands',
        'market_achievements',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
