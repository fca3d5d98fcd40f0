import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Optimistic locking everywhere a record is updated (issue 19 item 2): the records whose
 * updates and workflow steps did not carry a version get one. Ranking methods already use
 * `version` for their published version numbers, so their edit counter is `revision`.
 */
const VERSIONED = [
  'accounts',
  'ranking_editions',
  'ranking_corrections',
  'matching_introductions',
] as const;

export function m202612031000RowVersions(_d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      for (const table of VERSIONED) {
        await db.schema
          .alterTable(table)
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
      }
      await db.schema
        .alterTable('ranking_methods')
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const table of VERSIONED)
        await db.schema.alterTable(table).dropColumn('version').execute();
      await db.schema.alterTable('ranking_methods').dropColumn('revision').execute();
    },
  };
}
