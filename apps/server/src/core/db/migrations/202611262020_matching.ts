import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Matching: brokers' introductions of a demand to an achievement, and the owner's answer. */
export function m202611262020Matching(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('matching_introductions'))
        // The market module's records, kept as ids only (no cross-module foreign key).
        .addColumn('achievement_id', 'integer', (c) => c.notNull())
        .addColumn('achievement_org_id', 'integer', (c) => c.notNull())
        .addColumn('demand_id', 'integer', (c) => c.notNull())
        .addColumn('demand_org_id', 'integer', (c) => c.notNull())
        // Titles as introduced: the list stays readable when a record is later withdrawn.
        .addColumn('achievement_title', 'varchar(200)', (c) => c.notNull())
        .addColumn('demand_title', 'varchar(200)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('broker_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('note', 'varchar(500)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('reason', 'varchar(32)')
        .addColumn('reason_text', 'varchar(500)')
        .addColumn('answered_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('answered_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('matching_introductions_achievement')
        .on('matching_introductions')
        .columns(['achievement_id', 'status'])
        .execute();
      await db.schema
        .createIndex('matching_introductions_broker')
        .on('matching_introductions')
        .column('broker_id')
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('matching_introductions').execute();
    },
  };
}
