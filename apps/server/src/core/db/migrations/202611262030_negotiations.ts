import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/** Negotiations between an achievement's owner and a buyer, and their thread of entries. */
export function m202611262030Negotiations(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('negotiations'))
        // The market's achievement and matching's introduction, kept as ids (no cross-module FK).
        .addColumn('achievement_id', 'integer', (c) => c.notNull())
        .addColumn('achievement_title', 'varchar(200)', (c) => c.notNull())
        .addColumn('introduction_id', 'integer')
        .addColumn('seller_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('seller_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('seller_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('buyer_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('buyer_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('buyer_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('broker_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('broker_name', 'varchar(100)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('agreed_entry_id', 'integer')
        .addColumn('deal_id', 'integer', (c) => c.references('deals.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      for (const col of ['seller_org_id', 'buyer_org_id', 'broker_id', 'achievement_id'])
        await db.schema.createIndex(`negotiations_${col}`).on('negotiations').column(col).execute();
      // One active thread per achievement and buyer, even when two users open it at once.
      await db.schema
        .createIndex('negotiations_one_active')
        .on('negotiations')
        .columns(['achievement_id', 'buyer_org_id'])
        .unique()
        .where(sql.ref('status'), 'in', ['open', 'agreed'])
        .execute();
      await d
        .addIdColumn(db.schema.createTable('negotiation_entries'))
        .addColumn('negotiation_id', 'integer', (c) => c.notNull().references('negotiations.id'))
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('side', 'varchar(8)', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.notNull().references('accounts.id'))
        // The name as it was when written: the thread reads the same after a rename.
        .addColumn('author_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('text', 'varchar(2000)', (c) => c.notNull())
        .addColumn('offer_type', 'varchar(16)')
        .addColumn('offer_total_wan', 'double precision')
        .addColumn('offer_tech_wan', 'double precision')
        .addColumn('reason', 'varchar(32)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('negotiation_entries_thread')
        .on('negotiation_entries')
        .columns(['negotiation_id', 'id'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('negotiation_entries').execute();
      await db.schema.dropTable('negotiations').execute();
    },
  };
}
