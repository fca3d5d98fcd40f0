import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Technology market: introductions, negotiations, technology contracts and their registration. */
export function m202611262010Deals(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('deals'))
        .addColumn('type', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('project_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('seller_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('seller_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('seller_credit_code', 'varchar(18)', (c) => c.notNull())
        .addColumn('seller_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('seller_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('buyer_org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('buyer_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('buyer_credit_code', 'varchar(18)', (c) => c.notNull())
        .addColumn('buyer_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('buyer_city', 'varchar(6)', (c) => c.notNull())
        // The market module's achievement, kept as an id only (no cross-module foreign key).
        .addColumn('achievement_id', 'integer')
        .addColumn('total_amount_wan', 'double precision', (c) => c.notNull())
        .addColumn('tech_amount_wan', 'double precision', (c) => c.notNull())
        .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('signed_year', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('valid_to', 'varchar(10)', (c) => c.notNull())
        .addColumn('field', 'varchar(32)', (c) => c.notNull())
        .addColumn('expected_new_investment_wan', 'double precision')
        .addColumn('expected_new_output_wan', 'double precision')
        .addColumn('registration_no', 'varchar(16)', (c) => c.unique())
        .addColumn('registration_region', 'varchar(6)')
        .addColumn('registered_at', 'varchar(30)')
        .addColumn('registered_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('deals_status_year')
        .on('deals')
        .columns(['status', 'signed_year', 'field'])
        .execute();
      await db.schema.createIndex('deals_seller_city').on('deals').column('seller_city').execute();
      await db.schema.createIndex('deals_buyer_city').on('deals').column('buyer_city').execute();
      await db.schema
        .createTable('deal_registration_seq')
        .addColumn('year_region', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('deal_registration_seq').execute();
      await db.schema.dropTable('deals').execute();
    },
  };
}
