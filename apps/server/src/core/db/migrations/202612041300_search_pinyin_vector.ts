import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Pinyin for every indexed word (issue 10 item 3) roughly doubles a record's lexemes. On
 * PostgreSQL they go into two vectors (modules/search/search.expr.ts): `tsv` for Chinese words
 * and tags, kept in the row (storage MAIN: compressed there before it is ever moved out), and
 * a new `tsv_py` for Latin-letter lexemes with its own GIN index, which PostgreSQL may move to
 * the TOAST table. SQLite's FTS5 index needs no change. The stored index format is dropped on
 * both engines, so the next start rebuilds the index in the new format (market.reindex.ts).
 */
export function m202612041300SearchPinyinVector(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      if (d.name === 'postgres') {
        for (const kind of ['achievement', 'demand']) {
          const t = `market_${kind}_search`;
          await sql
            .raw(`alter table ${t} add column tsv_py tsvector not null default ''::tsvector`)
            .execute(db);
          await sql.raw(`create index ${t}_py on ${t} using gin (tsv_py)`).execute(db);
          await sql.raw(`alter table ${t} alter column tsv set storage main`).execute(db);
        }
      }
      await db.deleteFrom('settings').where('key', '=', 'search.index_format').execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      if (d.name === 'postgres') {
        for (const kind of ['achievement', 'demand']) {
          const t = `market_${kind}_search`;
          await sql.raw(`drop index if exists ${t}_py`).execute(db);
          await sql.raw(`alter table ${t} drop column if exists tsv_py`).execute(db);
          await sql.raw(`alter table ${t} alter column tsv set storage extended`).execute(db);
        }
      }
      await db.deleteFrom('settings').where('key', '=', 'search.index_format').execute();
    },
  };
}
